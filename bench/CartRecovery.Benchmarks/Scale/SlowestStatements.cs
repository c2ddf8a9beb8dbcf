using System.Globalization;
using System.Text;
using Npgsql;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>pg_stat_statements of the scale database only (other databases keep their counters), ranked by mean
/// execution time, and the plan of one of them with representative parameters.</summary>
internal static class SlowestStatements
{
    private static readonly string[] Executable = ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"];

    public static async Task Reset(BenchEnvironment env, string database)
    {
        await using var admin = await env.OpenAdmin();
        await using var command = new NpgsqlCommand(
            "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = $1), 0)", admin);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The service's own statements; the benchmark's probes, utility commands and the migration lock are not.</summary>
    public static async Task<IReadOnlyList<SlowStatement>> Top(BenchEnvironment env, string database, int count)
    {
        await using var admin = await env.OpenAdmin();
        await using var command = new NpgsqlCommand("""
            SELECT s.query, s.calls, s.mean_exec_time, s.max_exec_time, s.total_exec_time, s.rows
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = $1 AND s.query NOT LIKE '%bench-probe%' AND s.query NOT LIKE '%pg_advisory%'
            ORDER BY s.mean_exec_time DESC
            """, admin);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        var rows = new List<SlowStatement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync() && rows.Count < count)
        {
            var query = reader.GetString(0).Trim();
            if (Executable.Any(k => query.StartsWith(k, StringComparison.OrdinalIgnoreCase)))
            {
                rows.Add(new SlowStatement(query, reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5)));
            }
        }

        return rows;
    }

    private static int _explained;

    /// <summary><c>EXPLAIN (ANALYZE, BUFFERS)</c> of a normalised statement: prepared so PostgreSQL names each
    /// parameter's type, then executed with a seeded customer's values for that type, in a transaction rolled back
    /// afterwards (the statement may write). Null when PostgreSQL cannot type its parameters.</summary>
    public static async Task<string?> Explain(string connectionString, string query)
    {
        // A prepared statement outlives the rollback on the pooled connection: each try gets a name of its own.
        var name = $"bench_slowest_{Interlocked.Increment(ref _explained)}";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await Execute(connection, $"PREPARE {name} AS {query}");
            string[] types;
            await using (var command = new NpgsqlCommand(
                "/* bench-probe */ SELECT parameter_types::text[] FROM pg_prepared_statements WHERE name = $1", connection))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = name });
                types = (string[])(await command.ExecuteScalarAsync())!;
            }

            var values = new List<string>();
            var integers = 0;
            foreach (var type in types)
            {
                values.Add(Sample(type, integers) ?? throw new NotSupportedException($"no sample value for a parameter of type {type}"));
                integers += type is "integer" or "bigint" or "smallint" ? 1 : 0;
            }

            var explain = $"EXPLAIN (ANALYZE, BUFFERS) EXECUTE {name}{(values.Count == 0 ? "" : $"({string.Join(", ", values)})")}";
            var plan = new StringBuilder();
            plan.AppendLine(CultureInfo.InvariantCulture, $"-- parameters: {(values.Count == 0 ? "none" : string.Join(", ", values))}");
            await using (var command = new NpgsqlCommand(explain, connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.AppendLine(reader.GetString(0));
                }
            }

            return plan.ToString();
        }
        catch (Exception ex) when (ex is PostgresException or NotSupportedException)
        {
            Console.Error.WriteLine($"bench: no plan for a statement ({ex.Message.Split('\n')[0]}); trying the next");
            return null;
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    /// <summary>A value a support lookup or the poller would pass, by type: customer 1 and its first cart (running,
    /// so its timer tokens exist), now, a page size then an offset.</summary>
    private static string? Sample(string type, int integersBefore) => type switch
    {
        "text" or "character varying" => $"'{ScaleSeed.CustomerPrefix}1'",
        "text[]" or "character varying[]" => $"ARRAY['{ScaleSeed.CustomerPrefix}1']",
        "uuid" => "md5('cart:1')::uuid",
        "uuid[]" => "ARRAY[md5('cart:1')::uuid, md5('cart-idle:1')::uuid, md5('cart-expiry:1')::uuid, md5('cart:150001')::uuid]",
        "timestamp with time zone" or "timestamp without time zone" => "now()",
        "integer" or "bigint" or "smallint" => integersBefore == 0 ? "21" : "0",
        "interval" => "interval '30 days'",
        "boolean" => "false",
        "numeric" => "49.80",
        "jsonb" => "'{}'::jsonb",
        _ => null,
    };

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
