using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CartRecovery.Benchmarks;

/// <summary>CPU time of this process (bench producer + in-process service), of PostgreSQL and of RabbitMQ.</summary>
internal readonly record struct CpuSnapshot(TimeSpan Self, TimeSpan Postgres, TimeSpan RabbitMq)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuSnapshot Take()
    {
        using var self = Process.GetCurrentProcess();
        double postgres = 0, rabbit = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var name = stat[(open + 1)..close];
                if (name is not ("postgres" or "beam.smp"))
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                // after the name: state(0) ... utime(11) stime(12)
                var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                if (name == "postgres")
                {
                    postgres += ticks;
                }
                else
                {
                    rabbit += ticks;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // the process ended while we read it
            }
        }

        return new CpuSnapshot(self.TotalProcessorTime, TimeSpan.FromSeconds(postgres / TicksPerSecond), TimeSpan.FromSeconds(rabbit / TicksPerSecond));
    }

    public static CpuSnapshot operator -(CpuSnapshot a, CpuSnapshot b) =>
        new(a.Self - b.Self, a.Postgres - b.Postgres, a.RabbitMq - b.RabbitMq);
}

/// <summary>Peak resident memory of this process, reset before a measurement (Linux clear_refs 5).</summary>
internal static class PeakMemory
{
    public static void Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // older kernel: the peak then covers the whole process lifetime
        }
    }

    public static long PeakBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}

internal sealed record StatementCount(string Query, long Calls, double TotalMs, long Rows);

/// <summary>pg_stat_statements and pg_stat_database counters of one database.</summary>
internal static class PostgresCounters
{
    public const string ProbeMarker = "bench-probe";

    public static async Task Reset(BenchEnvironment env)
    {
        await using var admin = await env.OpenAdmin();
        await using var command = new NpgsqlCommand("SELECT pg_stat_statements_reset()", admin);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<(long Commits, long Rollbacks)> Transactions(BenchEnvironment env, string database)
    {
        await using var admin = await env.OpenAdmin();
        await using var command = new NpgsqlCommand("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = $1", admin);
        command.Parameters.AddWithValue(database);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public static async Task<IReadOnlyList<StatementCount>> Statements(BenchEnvironment env, string database)
    {
        await using var admin = await env.OpenAdmin();
        await using var command = new NpgsqlCommand("""
            SELECT regexp_replace(s.query, '\s+', ' ', 'g'), s.calls, s.total_exec_time, s.rows
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = $1 AND s.query NOT LIKE '%bench-probe%'
            ORDER BY s.calls DESC
            """, admin);
        command.Parameters.AddWithValue(database);
        var rows = new List<StatementCount>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new StatementCount(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3)));
        }

        return rows;
    }
}
