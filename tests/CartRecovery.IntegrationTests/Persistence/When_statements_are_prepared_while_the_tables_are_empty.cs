using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Migrations;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;
using CartRecovery.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CartRecovery.IntegrationTests.Persistence;

/// <summary>PostgreSQL caches one plan for a prepared statement, made while a new installation's tables are empty and
/// kept as they grow. The hot statements that take several keys look each one up by its index in that plan too,
/// never by reading the whole table.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_statements_are_prepared_while_the_tables_are_empty(ServiceEndpoints services) : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await services.CreateDatabase());
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Should_load_and_lock_journey_rows_by_their_index()
    {
        await using var dbContext = new JourneyDbContext(new DbContextOptionsBuilder<JourneyDbContext>().UseNpgsql(_dataSource).Options);

        var plan = await CachedPlan(RowMapping<CartAbandonmentState>.For(dbContext).SelectAllForUpdate, "uuid[]",
            "ARRAY[gen_random_uuid(), gen_random_uuid()]");

        Assert.Contains("Index Scan", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_delete_unscheduled_timers_by_their_index()
    {
        var writes = TimerWriteBuffer.Begin();
        try
        {
            writes.Deletes.AddRange([Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);
            foreach (var delete in TimerTable.Commands(writes))
            {
                var plan = await CachedPlan(delete.CommandText, "uuid", "gen_random_uuid()");

                Assert.Contains("Index Scan", plan, StringComparison.Ordinal);
                Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
            }
        }
        finally
        {
            writes.Close();
        }
    }

    [Fact]
    public async Task Should_forget_a_delivered_message_by_its_indexes()
    {
        var plan = await CachedPlan(DeliveredOutboxRows.ForgetSql, "timestamptz, uuid, uuid", "now(), gen_random_uuid(), gen_random_uuid()");

        Assert.Equal(2, plan.Split("Index Scan").Length - 1);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    // The plan a prepared statement keeps: generic (made without the parameters' values), on the empty tables.
    private async Task<string> CachedPlan(string sql, string parameterType, string arguments)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand($"SET plan_cache_mode = force_generic_plan; PREPARE spec_statement({parameterType}) AS {sql}", connection))
        {
            await prepare.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand($"EXPLAIN EXECUTE spec_statement({arguments})", connection);
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
