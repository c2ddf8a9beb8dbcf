using System.Text.Json;
using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Migrations;
using CartRecovery.Persistence.Rows;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CartRecovery.IntegrationTests.Persistence;

/// <summary>The hot path reads and writes journey rows with plain statements built from the EF model; support and
/// maintenance still read them through EF. Both must see the same values, every column, nulls and JSON included.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_journey_rows_are_read_and_written_without_ef(ServiceEndpoints services) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 15, 42, 123, TimeSpan.Zero);

    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await services.CreateDatabase());
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    public static TheoryData<string> Journeys => [nameof(CartAbandonmentState), nameof(BrowseAbandonmentState), nameof(PostPurchaseState), nameof(InactivityState)];

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task Should_let_ef_read_every_column_a_plain_insert_and_update_wrote(string journey)
    {
        switch (journey)
        {
            case nameof(CartAbandonmentState): await PlainWriteEfRead(FullCart(), c => c.Lines.Add(Line("sku-3"))); break;
            case nameof(BrowseAbandonmentState): await PlainWriteEfRead(FullBrowse(), b => b.ViewedAt.Add(At.AddHours(1))); break;
            case nameof(PostPurchaseState): await PlainWriteEfRead(FullOrder(), o => o.DeliveredAt = At.AddDays(3)); break;
            default: await PlainWriteEfRead(FullInactivity(), i => i.Lapses = 4); break;
        }
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task Should_read_plainly_every_column_ef_wrote_and_lock_the_row(string journey)
    {
        switch (journey)
        {
            case nameof(CartAbandonmentState): await EfWritePlainRead(FullCart()); break;
            case nameof(BrowseAbandonmentState): await EfWritePlainRead(FullBrowse()); break;
            case nameof(PostPurchaseState): await EfWritePlainRead(FullOrder()); break;
            default: await EfWritePlainRead(FullInactivity()); break;
        }
    }

    [Fact]
    public async Task Should_keep_nulls_null_and_leave_an_existing_row_alone_on_insert_if_missing()
    {
        var sparse = new CartAbandonmentState { CorrelationId = Guid.NewGuid(), CurrentState = "Active", CustomerId = "c-2", StartedAt = At, LastActivityAt = At };
        await using var db = NewContext();
        var rows = RowMapping<CartAbandonmentState>.For(db);
        Assert.Equal(1, await Execute(rows.ForInsert(rows.InsertIfMissing, sparse)));

        var second = new CartAbandonmentState { CorrelationId = sparse.CorrelationId, CurrentState = "Abandoned", CustomerId = "c-3", StartedAt = At, LastActivityAt = At };
        Assert.Equal(0, await Execute(rows.ForInsert(rows.InsertIfMissing, second)));

        var read = await db.Set<CartAbandonmentState>().AsNoTracking().SingleAsync(x => x.CorrelationId == sparse.CorrelationId);
        Assert.Equal(Json(sparse), Json(read));
        Assert.Null(read.AbandonedAt);
        Assert.Null(read.Variant);
        Assert.Empty(read.Lines);
    }

    [Fact]
    public async Task Should_write_every_change_made_since_the_row_was_read_and_leave_the_other_columns_out()
    {
        await using var db = NewContext();
        var rows = RowMapping<CartAbandonmentState>.For(db);
        var stored = FullCart();
        Assert.Equal(1, await Execute(rows.ForInsert(rows.Insert, stored)));

        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        CartAbandonmentState cart;
        RowSnapshot original;
        await using (var select = new NpgsqlCommand(rows.SelectForUpdate, connection, transaction) { Parameters = { new NpgsqlParameter { Value = stored.CorrelationId } } })
        await using (var reader = await select.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            cart = rows.Read(reader, out original);
        }

        // Collections changed in place, a value set, a value cleared.
        cart.Lines.Add(Line("sku-3"));
        cart.RecentEventIds.Add(Guid.NewGuid());
        cart.CurrentState = "Active";
        cart.AbandonedAt = null;
        cart.Version++;
        var update = rows.ForUpdate(cart, original);
        await using (var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { update } })
        {
            await batch.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();

        Assert.Equal(Json(cart), Json(await Find<CartAbandonmentState>(db, cart.CorrelationId)));
        var written = update.CommandText[..update.CommandText.IndexOf(" WHERE ", StringComparison.Ordinal)];
        foreach (var column in new[] { "lines", "recent_event_ids", "current_state", "abandoned_at", "version" })
        {
            Assert.Contains($"\"{column}\" = ", written, StringComparison.Ordinal);
        }

        foreach (var column in new[] { "customer_id", "started_at", "outcome", "order_id", "idle_timeout_token_id" })
        {
            Assert.DoesNotContain($"\"{column}\"", written, StringComparison.Ordinal);
        }
    }

    private async Task PlainWriteEfRead<T>(T instance, Action<T> change)
        where T : class, ISaga
    {
        await using var db = NewContext();
        var rows = RowMapping<T>.For(db);
        Assert.Equal(1, await Execute(rows.ForInsert(rows.Insert, instance)));
        Assert.Equal(Json(instance), Json(await Find<T>(db, instance.CorrelationId)));

        change(instance);
        await Execute(rows.ForUpdate(instance));
        Assert.Equal(Json(instance), Json(await Find<T>(db, instance.CorrelationId)));

        Assert.Equal(1, await Execute(rows.ForDelete(instance)));
        Assert.Null(await Find<T>(db, instance.CorrelationId));

        // The update travels in the batch that ends with the COMMIT, so a row that is gone must fail it in the database.
        var gone = await Assert.ThrowsAsync<PostgresException>(() => Execute(rows.ForUpdate(instance)));
        Assert.Equal(PostgresErrorCodes.DivisionByZero, gone.SqlState);
    }

    private async Task EfWritePlainRead<T>(T instance)
        where T : class, ISaga
    {
        await using (var writer = NewContext())
        {
            writer.Add(instance);
            await writer.SaveChangesAsync();
        }

        await using var db = NewContext();
        var rows = RowMapping<T>.For(db);
        var key = instance.CorrelationId;
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(rows.SelectForUpdate, connection, transaction) { Parameters = { new NpgsqlParameter { Value = key } } };
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(Json(instance), Json(rows.Read(reader)));
        }

        // FOR UPDATE: another transaction cannot take the row while this one holds it.
        await using var other = await _dataSource.OpenConnectionAsync();
        await using var probe = new NpgsqlCommand(rows.SelectForUpdate.Replace("FOR UPDATE", "FOR UPDATE NOWAIT", StringComparison.Ordinal), other)
        {
            Parameters = { new NpgsqlParameter { Value = key } },
        };
        var refused = await Assert.ThrowsAsync<PostgresException>(() => probe.ExecuteReaderAsync());
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, refused.SqlState);
    }

    private JourneyDbContext NewContext() =>
        new(new DbContextOptionsBuilder<JourneyDbContext>().UseNpgsql(_dataSource).Options);

    private static async Task<T?> Find<T>(JourneyDbContext db, Guid id)
        where T : class, ISaga =>
        await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == id);

    private async Task<int> Execute(NpgsqlBatchCommand command)
    {
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(command);
        return await batch.ExecuteNonQueryAsync();
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static ProductLine Line(string sku) => new()
    {
        Sku = sku, Name = "Ünïcode \"quoted\" name", UnitPrice = 19.99m, Currency = "EUR", Quantity = 2, Category = "shoes",
        ImageUrl = new Uri("https://shop.example/i.png"), ProductUrl = new Uri("https://shop.example/p"),
    };

    private static CartAbandonmentState FullCart() => new()
    {
        CorrelationId = Guid.NewGuid(), CurrentState = "Abandoned", Version = 3, CustomerId = "c-1",
        Lines = [Line("sku-1"), Line("sku-2") with { Category = null, ImageUrl = null }],
        StartedAt = At, LastActivityAt = At.AddMinutes(5), AbandonedAt = At.AddMinutes(35), RecoveryEmailRequestedAt = At.AddMinutes(36),
        DiscountEmailRequestedAt = At.AddDays(1), CheckoutStartedAt = At.AddMinutes(2), CheckoutEmailRequestedAt = At.AddMinutes(40),
        Variant = "delay-2h", DiscountPercent = 10, EndedAt = At.AddDays(2), Outcome = "expired", OrderId = Guid.NewGuid(),
        RecentEventIds = [Guid.NewGuid(), Guid.NewGuid()], IdleTimeoutTokenId = Guid.NewGuid(), CheckoutIdleTimeoutTokenId = Guid.NewGuid(),
        DiscountFollowUpTokenId = Guid.NewGuid(), ExpiryTokenId = Guid.NewGuid(),
    };

    private static BrowseAbandonmentState FullBrowse() => new()
    {
        CorrelationId = Guid.NewGuid(), CurrentState = "Interested", Version = 2, CustomerId = "c-1", Sku = "sku-1", Product = Line("sku-1"),
        StartedAt = At, ViewedAt = [At, At.AddMinutes(3)], InterestShownAt = At.AddMinutes(3), EmailRequestedAt = At.AddHours(2),
        EmailsRequested = 1, EmailJourneyId = Guid.NewGuid(), Outcome = "emailed", EndedAt = At.AddDays(1), OrderId = Guid.NewGuid(),
        RecentEventIds = [Guid.NewGuid()], QuietPeriodTokenId = Guid.NewGuid(), CooldownTokenId = Guid.NewGuid(),
    };

    private static PostPurchaseState FullOrder() => new()
    {
        CorrelationId = Guid.NewGuid(), CurrentState = "Shipped", Version = 1, CustomerId = "c-1", Lines = [Line("sku-9")], Total = 39.98m,
        Currency = "EUR", StartedAt = At, ShippedAt = At.AddDays(1), ShipmentEmailRequestedAt = At.AddDays(1).AddSeconds(1),
        ReviewEmailRequestedAt = At.AddDays(8), CrossSellEmailRequestedAt = At.AddDays(15), EndedAt = At.AddDays(30), Outcome = "completed",
        ReviewRequestTokenId = Guid.NewGuid(), CrossSellTokenId = Guid.NewGuid(),
    };

    private static InactivityState FullInactivity() => new()
    {
        CorrelationId = Guid.NewGuid(), CurrentState = "Lapsed", Version = 5, CustomerId = "c-1", StartedAt = At, LastActivityAt = At.AddDays(1),
        Lapses = 2, LapseJourneyId = Guid.NewGuid(), LapsedAt = At.AddDays(60), ReEngagementEmailRequestedAt = At.AddDays(60),
        WinBackEmailRequestedAt = At.AddDays(75), WinBackDiscountPercent = 15, UnengagedAt = At.AddDays(90), ReengagedAt = At.AddDays(95),
        Outcome = "reengaged", EndedAt = At.AddDays(95), RecentEventIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()],
        InactivityTokenId = Guid.NewGuid(), WinBackTokenId = Guid.NewGuid(), SunsetTokenId = Guid.NewGuid(),
    };
}
