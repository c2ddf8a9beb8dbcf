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

    public async ValueTask DisposeAsync() => await environment.DropDatabase(Name);
}
