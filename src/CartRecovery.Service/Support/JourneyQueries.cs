using System.Text.Json;
using CartRecovery.Contracts;
using Npgsql;

namespace CartRecovery.Service.Support;

/// <summary>
/// Answers support from the source of truth: saga rows, the decision log and the timer store, read at request
/// time (no cache that could lie). Timers are matched to journeys by their schedule tokens.
/// </summary>
public sealed class JourneyQueries(NpgsqlDataSource dataSource)
{
    private const string CartColumns = """
        SELECT correlation_id, customer_id, current_state, started_at, ended_at, outcome,
               idle_timeout_token_id, discount_follow_up_token_id, expiry_token_id
        FROM cart_abandonment_state
        """;

    public async Task<JourneyPage> ForCustomer(string customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CartColumns + """
             WHERE customer_id = @customer_id ORDER BY started_at DESC, correlation_id LIMIT @limit OFFSET @offset
            """);
        command.Parameters.AddWithValue("customer_id", customerId);
        command.Parameters.AddWithValue("limit", pageSize + 1);
        command.Parameters.AddWithValue("offset", (page - 1) * pageSize);
        var journeys = await ReadCarts(command, cancellationToken);
        var items = journeys.Take(pageSize).ToList();
        return new JourneyPage(await WithDetails(items, cancellationToken), page, pageSize, journeys.Count > pageSize);
    }

    public async Task<JourneyView?> ById(Guid journeyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CartColumns + " WHERE correlation_id = @id");
        command.Parameters.AddWithValue("id", journeyId);
        var journeys = await ReadCarts(command, cancellationToken);
        return journeys.Count == 0 ? null : (await WithDetails(journeys, cancellationToken))[0];
    }

    private static async Task<List<(JourneyView View, (string Name, Guid? Token)[] Timers)>> ReadCarts(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var journeys = new List<(JourneyView, (string, Guid?)[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            journeys.Add((new JourneyView
            {
                Id = id,
                Journey = JourneyNames.CartAbandonment,
                CustomerId = reader.GetString(1),
                State = reader.GetString(2),
                Subject = $"cart {id}",
                StartedAt = reader.GetFieldValue<DateTimeOffset>(3),
                EndedAt = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                Outcome = reader.IsDBNull(5) ? null : reader.GetString(5),
            }, [("idle-timeout", NullableGuid(reader, 6)), ("discount-follow-up", NullableGuid(reader, 7)), ("expiry", NullableGuid(reader, 8))]));
        }

        return journeys;
    }

    private async Task<List<JourneyView>> WithDetails(List<(JourneyView View, (string Name, Guid? Token)[] Timers)> journeys, CancellationToken cancellationToken)
    {
        var result = new List<JourneyView>(journeys.Count);
        foreach (var (view, timers) in journeys)
        {
            result.Add(view with
            {
                NextTimer = await NextTimer(timers, cancellationToken),
                Decisions = await Decisions(view.Id, cancellationToken),
            });
        }

        return result;
    }

    private async Task<TimerView?> NextTimer((string Name, Guid? Token)[] timers, CancellationToken cancellationToken)
    {
        var armed = timers.Where(t => t.Token.HasValue).ToDictionary(t => t.Token!.Value.ToString("N"), t => t.Name);
        if (armed.Count == 0)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("""
            SELECT trigger_name, next_fire_time FROM qrtz_triggers
            WHERE trigger_name = ANY(@names) ORDER BY next_fire_time LIMIT 1
            """);
        command.Parameters.AddWithValue("names", armed.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Quartz keeps fire times as UTC ticks.
        return await reader.ReadAsync(cancellationToken)
            ? new TimerView(armed[reader.GetString(0)], new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero))
            : null;
    }

    private async Task<IReadOnlyList<DecisionView>> Decisions(Guid journeyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT step, outcome, rule, reason, decision_values::text, decided_at, defer_until, message_id, discount_code
            FROM email_decision WHERE journey_id = @id ORDER BY decided_at, id
            """);
        command.Parameters.AddWithValue("id", journeyId);
        var decisions = new List<DecisionView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(new DecisionView(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [],
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return decisions;
    }

    private static Guid? NullableGuid(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);
}
