using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Migrations;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;
using CartRecovery.Persistence.Sagas;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CartRecovery.IntegrationTests.Persistence;

/// <summary>First deliveries on customer-events share transactions: those that arrive while the groups before them are
/// open gather into the next one, which commits all of their writes at once or none of them.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_messages_share_a_transaction(ServiceEndpoints services) : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;
    private JourneyDbContext _dbContext = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await services.CreateDatabase());
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var create = _dataSource.CreateCommand("CREATE TABLE shared_write (name text PRIMARY KEY)");
        await create.ExecuteNonQueryAsync();
        _dbContext = new JourneyDbContext(new DbContextOptionsBuilder<JourneyDbContext>().UseNpgsql(_dataSource).Options);
    }

    public async Task DisposeAsync()
    {
        await _dbContext.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task Should_gather_the_messages_that_arrive_while_two_groups_are_open_into_the_next_one()
    {
        var groups = new TransactionGroups(_dataSource, maxMembers: 16);
        var first = await groups.Join(Member());
        var second = await groups.Join(Member());

        var third = groups.Join(Member());
        var fourth = groups.Join(Member());
        Assert.False(third.IsCompleted, "a third group opened while two were open");

        await first.Commit(Inbox(), Writes("first"));
        var gathered = await third;
        Assert.Same(gathered, await fourth);
        Assert.NotSame(second, gathered);

        var thirdCommit = gathered.Commit(Inbox(), Writes("third"));
        Assert.False(thirdCommit.IsCompleted, "the shared commit ran before every member handed in");
        await gathered.Commit(Inbox(), Writes("fourth"));
        await thirdCommit;
        await second.Commit(Inbox(), Writes("second"));

        Assert.Equal(["first", "fourth", "second", "third"], await Written());
    }

    [Fact]
    public async Task Should_keep_nothing_of_any_member_when_one_fails()
    {
        var groups = new TransactionGroups(_dataSource, maxMembers: 16);
        var busy = new[] { await groups.Join(Member()), await groups.Join(Member()) };
        var joining = new[] { groups.Join(Member()), groups.Join(Member()) };
        await busy[0].Commit(Inbox(), Writes("busy"));
        var shared = await joining[0];

        var handedIn = shared.Commit(Inbox(), Writes("handed-in"));
        await shared.Leave(new InvalidOperationException("a journey failed"));

        var failure = await Assert.ThrowsAsync<TransactionGroupFailedException>(() => handedIn);
        Assert.Equal("a journey failed", failure.InnerException?.Message);
        await busy[1].Commit(Inbox(), Writes("other-group"));
        Assert.Equal(["busy", "other-group"], await Written());
    }

    [Fact]
    public async Task Should_open_a_full_group_without_waiting_for_the_groups_before_it()
    {
        var groups = new TransactionGroups(_dataSource, maxMembers: 2);
        var busy = new[] { await groups.Join(Member()), await groups.Join(Member()) };

        var full = await Task.WhenAll(groups.Join(Member()), groups.Join(Member())).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Same(full[0], full[1]);
        foreach (var group in busy.Concat(full).Distinct())
        {
            await Task.WhenAll(Enumerable.Range(0, group.Count).Select(i => group.Commit(Inbox(), Writes($"{group.GetHashCode()}-{i}"))));
        }

        Assert.Equal(4, (await Written()).Count);
    }

    [Fact]
    public async Task Should_keep_two_messages_that_load_one_row_out_of_one_group()
    {
        var groups = new TransactionGroups(_dataSource, maxMembers: 16);
        var busy = new[] { await groups.Join(Member()), await groups.Join(Member()) };
        var cart = new JourneyRowKey(new CartRows(), Guid.NewGuid());

        var earlier = groups.Join(Member(cart));
        var later = groups.Join(Member(cart));

        var earlierGroup = await earlier.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(later.IsCompleted, "the later message opened a group while two others were open");
        await busy[0].Commit(Inbox(), Writes("busy"));
        await earlierGroup.Commit(Inbox(), Writes("earlier"));
        var laterGroup = await later;
        Assert.NotSame(earlierGroup, laterGroup);

        await laterGroup.Commit(Inbox(), Writes("later"));
        await busy[1].Commit(Inbox(), Writes("other"));
        Assert.Equal(["busy", "earlier", "later", "other"], await Written());
    }

    [Fact]
    public async Task Should_fail_every_member_when_a_copy_of_a_consumed_message_collides_in_the_shared_commit()
    {
        var groups = new TransactionGroups(_dataSource, maxMembers: 16);
        var consumed = Inbox();
        await (await groups.Join(Member())).Commit(consumed, Writes("consumed"));
        var busy = new[] { await groups.Join(Member()), await groups.Join(Member()) };
        var joining = new[] { groups.Join(Member()), groups.Join(Member()) };
        await busy[0].Commit(Inbox(), Writes("busy"));
        var shared = await joining[0];

        var copy = shared.Commit(Inbox(consumed.MessageId, consumed.ConsumerId), Writes("copy"));
        var innocent = shared.Commit(Inbox(), Writes("innocent"));

        foreach (var member in new[] { copy, innocent })
        {
            var collision = await Assert.ThrowsAsync<PostgresException>(() => member);
            Assert.Equal(PostgresErrorCodes.UniqueViolation, collision.SqlState);
        }

        await busy[1].Commit(Inbox(), Writes("other"));
        Assert.Equal(["busy", "consumed", "other"], await Written());
    }

    private TransactionGroupMember Member(params JourneyRowKey[] rows) => new(rows, new PrefetchedJourneyRows(), _dbContext);

    private static InboxState Inbox(Guid? messageId = null, Guid? consumerId = null) => new()
    {
        MessageId = messageId ?? Guid.NewGuid(),
        ConsumerId = consumerId ?? Guid.NewGuid(),
        LockId = Guid.NewGuid(),
        Received = DateTimeOffset.UtcNow,
        ReceiveCount = 1,
        Consumed = DateTimeOffset.UtcNow,
        Delivered = DateTimeOffset.UtcNow,
    };

    private static PendingRowWrites Writes(string name)
    {
        var writes = new PendingRowWrites();
        writes.Add(new NpgsqlBatchCommand("INSERT INTO shared_write (name) VALUES ($1)") { Parameters = { new NpgsqlParameter<string> { TypedValue = name } } });
        return writes;
    }

    private async Task<List<string>> Written()
    {
        await using var command = _dataSource.CreateCommand("SELECT name FROM shared_write ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Cart rows by key, as a cart event loads them; the carts in these specs do not exist.</summary>
    private sealed class CartRows : JourneyCorrelation
    {
        public override Type JourneyType => typeof(CartAbandonmentState);

        public override Guid? RowKeyOf(ConsumeContext context) => null;

        public override NpgsqlBatchCommand LoadAndLockAll(JourneyDbContext dbContext, Guid[] rowKeys) =>
            new(RowMapping<CartAbandonmentState>.For(dbContext).SelectAllForUpdate) { Parameters = { new NpgsqlParameter<Guid[]> { TypedValue = rowKeys } } };

        public override object Read(JourneyDbContext dbContext, NpgsqlDataReader reader, out RowSnapshot original) =>
            RowMapping<CartAbandonmentState>.For(dbContext).Read(reader, out original);

        public override Guid KeyOf(object row) => ((CartAbandonmentState)row).CorrelationId;
    }
}
