using CartRecovery.Scheduling;
using System.Text.Json;
using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Inactivity;
using Npgsql;

namespace CartRecovery.Service.Support;

/// <summary>
/// Answers support from the source of truth: saga rows, the decision log and the timer store, read at request
/// time (no cache that could lie). Timers are matched to journeys by their schedule tokens.
/// </summary>
public sealed class JourneyQueries(NpgsqlDataSource dataSource, TimerTable timers)
{
    // Every journey kind in one shape: what it is about, its timer tokens (with names) and how many rounds it ran
    // (browse and win-back request each round's email under an id of its own, derived from the round's number).
    private const string AllJourneys = """
        SELECT * FROM (
            SELECT correlation_id AS id, 'cart-abandonment' AS journey, customer_id, current_state, started_at, ended_at,
                   outcome, 'cart ' || correlation_id AS subject,
                   ARRAY[idle_timeout_token_id, discount_follow_up_token_id, expiry_token_id] AS tokens,
                   ARRAY['idle-timeout', 'discount-follow-up', 'expiry'] AS timer_names,
                   0 AS rounds
            FROM cart_abandonment_state
            UNION ALL
            SELECT correlation_id, 'browse-abandonment', customer_id, current_state, started_at, ended_at,
                   outcome, 'product ' || sku,
                   ARRAY[quiet_period_token_id, cooldown_token_id], ARRAY['quiet-period', 'email-cooldown'],
                   emails_requested
            FROM browse_abandonment_state
            UNION ALL
            SELECT correlation_id, 'post-purchase', customer_id, current_state, started_at, ended_at,
                   outcome, 'order ' || correlation_id,
                   ARRAY[review_request_token_id, cross_sell_token_id], ARRAY['review-request', 'cross-sell'],
                   0
            FROM post_purchase_state
            UNION ALL
            SELECT correlation_id, 'inactivity', customer_id, current_state, started_at,
                   CASE WHEN outcome IS NOT NULL THEN COALESCE(ended_at, unengaged_at) END, outcome, 'customer activity',
                   ARRAY[inactivity_token_id, win_back_token_id, sunset_token_id], ARRAY['inactivity', 'win-back', 'sunset'],
                   lapses
            FROM inactivity_state
        ) journeys
        """;

    public async Task<JourneyPage> ForCustomer(string customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AllJourneys + """
             WHERE customer_id = @customer_id ORDER BY started_at DESC, id LIMIT @limit OFFSET @offset
            """);
        command.Parameters.AddWithValue("customer_id", customerId);
        command.Parameters.AddWithValue("limit", pageSize + 1);
        command.Parameters.AddWithValue("offset", (page - 1) * pageSize);
        var journeys = await ReadJourneys(command, cancellationToken);
        var items = journeys.Take(pageSize).ToList();
        return new JourneyPage(await WithDetails(items, cancellationToken), page, pageSize, journeys.Count > pageSize);
    }

    public async Task<JourneyView?> ById(Guid journeyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AllJourneys + " WHERE id = @id");
        command.Parameters.AddWithValue("id", journeyId);
        var journeys = await ReadJourneys(command, cancellationToken);
        return journeys.Count == 0 ? null : (await WithDetails(journeys, cancellationToken))[0];
    }

    private static async Task<List<(JourneyView View, (string Name, Guid? Token)[] Timers, Guid[] EmailIds)>> ReadJourneys(
        NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var journeys = new List<(JourneyView, (string, Guid?)[], Guid[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var tokens = reader.GetFieldValue<Guid?[]>(8);
            var names = reader.GetFieldValue<string[]>(9);
            journeys.Add((new JourneyView
            {
                Id = reader.GetGuid(0),
                Journey = reader.GetString(1),
                CustomerId = reader.GetString(2),
                State = reader.GetString(3),
                Subject = reader.GetString(7),
                StartedAt = reader.GetFieldValue<DateTimeOffset>(4),
                EndedAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                Outcome = reader.IsDBNull(6) ? null : reader.GetString(6),
            },
            [.. names.Zip(tokens)],
            EmailJourneyIds(reader.GetString(1), reader.GetGuid(0), reader.GetInt32(10))));
        }

        return journeys;
    }

    /// <summary>The ids a journey's emails are requested under: its own, or one per round for browse and win-back,
    /// the next round's included, so a cancel also covers an email requested while the cancel is on its way.</summary>
    private static Guid[] EmailJourneyIds(string journey, Guid id, int rounds) => journey switch
    {
        JourneyNames.BrowseAbandonment => [.. Enumerable.Range(1, rounds + 1).Select(n => BrowseJourneyId.ForEmail(id, n))],
        JourneyNames.Inactivity => [.. Enumerable.Range(1, rounds + 1).Select(n => InactivityJourneyId.ForLapse(id, n))],
        _ => [id],
    };

    /// <summary>Adds each journey's next timer and decisions with one query for all timers and one for all decisions
    /// of the page, however many journeys it holds.</summary>
    private async Task<List<JourneyView>> WithDetails(
        List<(JourneyView View, (string Name, Guid? Token)[] Timers, Guid[] EmailIds)> journeys, CancellationToken cancellationToken)
    {
        var dueAt = await TimersDue([.. journeys.SelectMany(j => j.Timers).Where(t => t.Token.HasValue).Select(t => t.Token!.Value)],
            cancellationToken);
        var decisions = await DecisionsOf([.. journeys.SelectMany(j => j.EmailIds)], cancellationToken);
        return [.. journeys.Select(j => j.View with
        {
            EmailJourneyIds = j.EmailIds,
            NextTimer = j.Timers
                .Where(t => t.Token.HasValue && dueAt.ContainsKey(t.Token.Value))
                .Select(t => new TimerView(t.Name, dueAt[t.Token!.Value]))
                .OrderBy(t => t.DueAt)
                .FirstOrDefault(),
            Decisions = [.. j.EmailIds.SelectMany(id => decisions[id]).OrderBy(d => d.DecidedAt)],
        })];
    }

    /// <summary>When each armed timer falls due; a token without a row has fired or was removed.</summary>
    private async Task<Dictionary<Guid, DateTimeOffset>> TimersDue(Guid[] tokens, CancellationToken cancellationToken) =>
        new(await timers.DueTimes(tokens, cancellationToken));

    private async Task<ILookup<Guid, DecisionView>> DecisionsOf(Guid[] journeyIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT journey_id, step, outcome, rule, reason, decision_values::text, decided_at, defer_until, message_id, discount_code
            FROM email_decision WHERE journey_id = ANY(@ids) ORDER BY decided_at, id
            """);
        command.Parameters.AddWithValue("ids", journeyIds);
        var decisions = new List<(Guid JourneyId, DecisionView Decision)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add((reader.GetGuid(0), new DecisionView(
                reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9))));
        }

        return decisions.ToLookup(d => d.JourneyId, d => d.Decision);
    }
}
