using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CartRecovery.Benchmarks;

internal sealed class BenchDatabase(BenchEnvironment environment, string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string ConnectionString { get; } = connectionString;

    public async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var result = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(result!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Polls a count query every 100 ms until it reaches <paramref name="expected"/>.</summary>
    /// <param name="failure">What went wrong if it does not in time, completed with " within N minutes".</param>
    public async Task WaitForCount(string countSql, long expected, TimeSpan within, string failure)
    {
        var wait = Stopwatch.StartNew();
        while (await Scalar<long>(countSql) < expected)
        {
            if (wait.Elapsed > within)
            {
                throw new TimeoutException($"{failure} within {within.TotalMinutes:F0} minutes");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync() => await environment.DropDatabase(Name);
}
