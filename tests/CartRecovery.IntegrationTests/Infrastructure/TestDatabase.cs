using Npgsql;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Direct reads of a scenario's database, to assert on what was really committed.</summary>
public sealed class TestDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public async Task<T?> Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task Execute(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public Task<long> Count(string sql, params (string Name, object Value)[] parameters) =>
        Scalar<long>(sql, parameters)!;

    public Task<string?> CartState(Guid cartId) =>
        Scalar<string>("SELECT current_state FROM cart_abandonment_state WHERE correlation_id = @id", ("id", cartId));

    /// <summary>Cart-journey timers still waiting (other journeys keep timers of their own), or one by token.</summary>
    public Task<long> PendingTimers(Guid? tokenId = null) =>
        tokenId is { } token
            ? Count("SELECT count(*) FROM scheduled_timer WHERE token_id = @token", ("token", token))
            : Count("SELECT count(*) FROM scheduled_timer WHERE message_type LIKE 'CartRecovery.Journeys.CartAbandonment.%'");
}
