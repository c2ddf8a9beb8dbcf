using System.Globalization;
using CartRecovery.FaultRunner.Shoppers;
using Npgsql;

namespace CartRecovery.FaultRunner.Infrastructure;

/// <summary>A scenario's own database, read directly (never through the proxy) to count what really committed.</summary>
internal sealed class ScenarioDatabase : IAsyncDisposable
{
    private const string FinalState = "Final";
    private const string DiscountOffered = "DiscountOffered";
    private const string Abandoned = "Abandoned";
    private const string Active = "Active";
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(15);
    private const string Claimed = "claimed";
    private const string Waiting = "waiting";

    private readonly RunnerEnvironment _environment;

    private ScenarioDatabase(RunnerEnvironment environment, string name)
    {
        _environment = environment;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(environment.PostgresServer) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>The service's connection string through the proxy in front of PostgreSQL.</summary>
    public string ThroughProxy(int port) =>
        new NpgsqlConnectionStringBuilder(_environment.PostgresServer) { Database = Name, Host = "127.0.0.1", Port = port }.ConnectionString;

    public static async Task<ScenarioDatabase> Create(RunnerEnvironment environment, string scenarioId)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"faults_{scenarioId.ToLowerInvariant()}_{Guid.NewGuid():N}")[..40];
        await Admin(environment, $"CREATE DATABASE {name}");
        return new ScenarioDatabase(environment, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Admin(_environment, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    public async Task<long> Count(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>Cart journeys with an email still to come: neither final nor past their last email step.</summary>
    public Task<long> UnsettledCartJourneys() =>
        Count("SELECT count(*) FROM cart_abandonment_state WHERE current_state NOT IN (@final, @offered)",
            ("final", FinalState), ("offered", DiscountOffered));

    /// <summary>Cart journeys not final whose next timer is more than 15 s overdue: the idle timer of an active
    /// cart, the discount of an abandoned one, or any journey's expiry. A timer lost to a fault shows here.</summary>
    public Task<long> StuckCartJourneys(ScenarioTimings timings) =>
        Count("""
            SELECT count(*) FROM cart_abandonment_state WHERE current_state <> @final AND (
                started_at < now() - @expiry
                OR (current_state = @active AND last_activity_at < now() - @idle)
                OR (current_state = @abandoned AND abandoned_at < now() - @follow_up))
            """,
            ("final", FinalState), ("active", Active), ("abandoned", Abandoned), ("expiry", timings.Expiry + Slack),
            ("idle", timings.IdleTimeout + Slack), ("follow_up", timings.DiscountFollowUpDelay + Slack));

    public Task<long> EmailsWaitingForRelay() =>
        Count("SELECT count(*) FROM send_ledger WHERE status = @waiting", ("waiting", Waiting));

    /// <summary>Sends claimed so recently that they may still be under way.</summary>
    public Task<long> SendsInFlight(TimeSpan longestSend) =>
        Count("SELECT count(*) FROM send_ledger WHERE status = @claimed AND claimed_at >= now() - @longest",
            ("claimed", Claimed), ("longest", longestSend));

    /// <summary>Ledger rows claimed and never confirmed for longer than a send can take: the service's own
    /// in-doubt rule (twice the SMTP timeout).</summary>
    public async Task<IReadOnlyList<EmailKey>> InDoubt(TimeSpan longestSend) =>
        [.. (await InDoubtClaims(longestSend)).Select(c => c.Key)];

    /// <summary>The in-doubt rows with the time each was claimed, to tell which fault cut them off.</summary>
    public async Task<IReadOnlyList<InDoubtClaim>> InDoubtClaims(TimeSpan longestSend)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT journey_id, step, claimed_at FROM send_ledger WHERE status = @claimed AND claimed_at < now() - @longest", connection);
        command.Parameters.AddWithValue("claimed", Claimed);
        command.Parameters.AddWithValue("longest", longestSend);
        var claims = new List<InDoubtClaim>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            claims.Add(new InDoubtClaim(new EmailKey(reader.GetGuid(0), reader.GetInt32(1)), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return claims;
    }

    public Task<bool> Unsubscribed(Shopper shopper) =>
        Count("SELECT count(*) FROM customer_profile WHERE customer_id = @id AND unsubscribed", ("id", shopper.CustomerId))
            .ContinueWith(t => t.Result == 1, TaskScheduler.Default);

    public Task<long> InboxRows(IReadOnlyCollection<Guid> messageIds) =>
        Count("SELECT count(*) FROM inbox_state WHERE message_id = ANY(@ids)", ("ids", messageIds.ToArray()));

    // Timers whose time has come and which are still in the table. Not by due_at: a poller that claims a timer
    // and cannot send it leases it by moving due_at forward, so a broker outage hides every such timer from due_at.
    public Task<long> OverdueTimers() =>
        Count("SELECT count(*) FROM scheduled_timer WHERE scheduled_for < now()");

    /// <summary>Tables in which any row still contains the text (a customer id; their address contains it too).</summary>
    public async Task<IReadOnlyList<string>> TablesMentioning(string text)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var mentioning = new List<string>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" t WHERE strpos(t::text, @text) > 0", connection);
            command.Parameters.AddWithValue("text", text);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0)
            {
                mentioning.Add(table);
            }
        }

        return mentioning;
    }

    private static async Task Admin(RunnerEnvironment environment, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(environment.PostgresServer) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
