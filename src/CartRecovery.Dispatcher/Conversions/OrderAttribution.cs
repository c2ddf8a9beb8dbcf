using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Decisions;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher.Conversions;

/// <summary>
/// Credits an order to the customer's email decisions within the attribution window before it, once per group:
/// the last sent email (treated; last touch, so the order's revenue counts once) and the last holdout suppression
/// (the control group, credited on its own so another journey's email cannot take a holdout's conversion). The
/// cart the order came from wins over a later decision of another journey.
/// </summary>
public sealed class OrderAttribution(JourneyDbContext dbContext, MessageConnection messageConnection, PendingRowWrites writes,
    IOptions<ConversionOptions> options)
{
    private const string Credit = """
        INSERT INTO journey_conversion (order_id, treatment, journey_id, journey, step, customer_id, decided_at,
                                        converted_at, revenue, currency)
        SELECT @order_id, g.treatment, d.journey_id, d.journey, d.step, d.customer_id, d.decided_at, @converted_at,
               @revenue, @currency
        FROM (VALUES (@treated, @sent, NULL), (@holdout, @suppressed, @holdout_rule)) AS g(treatment, outcome, rule)
        CROSS JOIN LATERAL (
            SELECT * FROM email_decision d
            WHERE d.customer_id = @customer_id AND d.outcome = g.outcome AND (g.rule IS NULL OR d.rule = g.rule)
              AND d.decided_at <= @converted_at AND d.decided_at > @converted_at - @window
            ORDER BY COALESCE(d.journey_id = @cart_id, false) DESC, d.decided_at DESC, d.id DESC
            LIMIT 1
        ) d
        ON CONFLICT (order_id, treatment) DO NOTHING
        RETURNING journey_id, journey, step, treatment
        """;

    /// <summary>Writes the credits with the message's other writes, in the round trip that commits them, and hands each
    /// to <paramref name="credited"/> as it is written: none when no decision falls in the window, or when the order was
    /// credited before (a redelivery), so a caller counts each credit once. Outside a message transaction it runs at
    /// once.</summary>
    public Task CreditOrder(OrderPlaced order, Action<ConversionCredit> credited, CancellationToken cancellationToken) =>
        dbContext.WriteReturningInMessageTransaction(messageConnection, writes, Credit,
            r => credited(new ConversionCredit(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetString(3))),
            cancellationToken,
            ("order_id", order.OrderId), ("customer_id", order.CustomerId), ("cart_id", order.CartId),
            ("converted_at", order.OccurredAt.ToUniversalTime()), ("window", options.Value.AttributionWindow),
            ("revenue", order.Total), ("currency", order.Currency),
            ("sent", DecisionOutcomes.Sent), ("suppressed", DecisionOutcomes.Suppressed), ("holdout_rule", ContactRules.Holdout),
            ("treated", Treatments.Treated), ("holdout", Treatments.Holdout));
}
