using System.Text.Json;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Outbox;
using Npgsql;

namespace CartRecovery.Dispatcher.Decisions;

public sealed class DecisionLog(JourneyDbContext dbContext, MessageConnection messageConnection, NpgsqlDataSource dataSource)
{
    /// <summary>Records in the message's transaction: a decision exists exactly when its effects do.</summary>
    public Task Record(DecisionRecord decision, CancellationToken cancellationToken) =>
        dbContext.ExecuteInMessageTransaction(messageConnection, """
            INSERT INTO email_decision (journey_id, journey, step, customer_id, outcome, rule, reason, decision_values,
                                        defer_until, message_id, discount_code, decided_at, experiment, variant)
            VALUES (@journey_id, @journey, @step, @customer_id, @outcome, @rule, @reason, @values::jsonb,
                    @defer_until, @message_id, @discount_code, @decided_at, @experiment, @variant)
            """, cancellationToken,
            ("journey_id", decision.JourneyId), ("journey", decision.Journey), ("step", decision.Step),
            ("customer_id", decision.CustomerId), ("outcome", decision.Outcome), ("rule", decision.Rule),
            ("reason", decision.Reason), ("values", JsonSerializer.Serialize(decision.Values)),
            ("defer_until", decision.DeferUntil), ("message_id", decision.MessageId),
            ("discount_code", decision.DiscountCode), ("decided_at", decision.DecidedAt),
            ("experiment", decision.Experiment), ("variant", decision.Variant));

    public async Task<IReadOnlyList<DecisionRecord>> ForJourney(Guid journeyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT journey, step, customer_id, outcome, rule, reason, decision_values::text, defer_until, message_id,
                   discount_code, decided_at, experiment, variant
            FROM email_decision WHERE journey_id = @journey_id ORDER BY decided_at, id
            """);
        command.Parameters.AddWithValue("journey_id", journeyId);
        var decisions = new List<DecisionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(new DecisionRecord
            {
                JourneyId = journeyId,
                Journey = reader.GetString(0),
                Step = reader.GetInt32(1),
                CustomerId = reader.GetString(2),
                Outcome = reader.GetString(3),
                Rule = reader.GetString(4),
                Reason = reader.GetString(5),
                Values = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [],
                DeferUntil = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                MessageId = reader.IsDBNull(8) ? null : reader.GetString(8),
                DiscountCode = reader.IsDBNull(9) ? null : reader.GetString(9),
                DecidedAt = reader.GetFieldValue<DateTimeOffset>(10),
                Experiment = reader.IsDBNull(11) ? null : reader.GetString(11),
                Variant = reader.IsDBNull(12) ? null : reader.GetString(12),
            });
        }

        return decisions;
    }
}
