using System.Text.RegularExpressions;
using CartRecovery.Dispatcher.Ledger;
using Npgsql;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>Before and after for the indexes of migration 013, on the same seeded data: each statement is explained
/// as it is, then again inside a transaction that drops the index and is rolled back. Runs after the service
/// stopped, since the drop locks the table until the rollback.</summary>
internal static partial class MigrationIndexCheck
{
    private static readonly (string Label, string Index, string Sql)[] Statements =
    [
        ("gauge cartrecovery.messages.waiting_for_redelivery", "ix_scheduled_timer_redelivery",
            "SELECT count(*) FROM scheduled_timer WHERE is_redelivery"),
        ("gauge cartrecovery.ledger.in_doubt", "ix_send_ledger_in_doubt",
            $"SELECT count(*) FROM send_ledger WHERE status = '{LedgerStatus.Claimed}' AND claimed_at < now() - interval '2 minutes'"),
    ];

    public static async Task<IReadOnlyList<IndexEffect>> Run(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var effects = new List<IndexEffect>();
        foreach (var (label, index, sql) in Statements)
        {
            var (planAfter, msAfter) = await Explain(connection, sql);
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var drop = new NpgsqlCommand($"DROP INDEX {index}", connection, transaction))
            {
                await drop.ExecuteNonQueryAsync();
            }

            var (planBefore, msBefore) = await Explain(connection, sql);
            await transaction.RollbackAsync();
            effects.Add(new IndexEffect
            {
                Label = label,
                Index = index,
                PlanBefore = planBefore,
                MsBefore = msBefore,
                PlanAfter = planAfter,
                MsAfter = msAfter,
            });
        }

        return effects;
    }

    /// <summary>The plan's scan nodes (what was read and how) and its execution time.</summary>
    private static async Task<(string Plan, double Ms)> Explain(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand($"/* bench-probe */ EXPLAIN (ANALYZE, BUFFERS) {sql}", connection);
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        var nodes = lines.Select(l => CostPattern().Replace(l.Trim().TrimStart('-', '>', ' '), ""));
        var scans = nodes.Where(l => l.Contains(" Scan ", StringComparison.Ordinal)).Take(1)
            .Concat(nodes.Where(l => l.StartsWith("Buffers", StringComparison.Ordinal)).Take(1));
        var total = lines.Select(l => ExecutionTime().Match(l)).FirstOrDefault(m => m.Success);
        return (string.Join("; ", scans), total is null ? double.NaN : double.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\s*\(cost=[^)]*\)")]
    private static partial Regex CostPattern();

    [GeneratedRegex(@"Execution Time: ([0-9.]+) ms")]
    private static partial Regex ExecutionTime();
}
