using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Decisions;
using CartRecovery.Persistence;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher.Conversions;

/// <summary>
/// Credits an order to the customer's last email decision within the attribution window before it: last touch, so
/// an order's revenue counts once. The cart the order came from wins over a later email of another journey. Holdout
/// suppressions are credited like sent emails, as the control group, so reports can compare the two.
/// </summary>
public sealed class OrderAttribution(JourneyDbContext dbContext, IOptions<ConversionOptions> options)
{
    private const string Credit = """
        INSERT INTO journey_conversion (order_id, journey_id, journey, step, customer_id, treatment, decided_at,
                                        converted_at, revenue, currency)
        SELECT @order_id, d.journey_id, d.journey, d.step, d.customer_id,
               CASE WHEN d.outcome = @sent THEN @treated ELSE @holdout END, d.decided_at, @converted_at, @revenue, @currency
        FROM email_decision d
        WHERE d.customer_id = @customer_id
          AND (d.outcome = @sent OR (d.outcome = @suppressed AND d.rule = @holdout_rule))
          AND d.decided_at <= @converted_at AND d.decided_at > @converted_at - @window
        ORDER BY COALESCE(d.journey_id = @cart_id, false) DESC, d.decided_at DESC, d.id DESC
        LIMIT 1
        ON CONFLICT (order_id) DO NOTHING
        RETURNING journey_id, journey, step, treatment
        """;

    /// <summary>Writes the credit in the message's transaction. Null when no email falls in the window, or when the
    /// order was credited before (a redelivery), so a caller counts each credit once.</summary>
    public async Task<ConversionCredit?> CreditOrder(OrderPlaced order, CancellationToken cancellationToken)
    {
        var credited = await dbContext.QueryInMessageTransaction(Credit,
            r => new ConversionCredit(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetString(3)),
            cancellationToken,
            ("order_id", order.OrderId), ("customer_id", order.CustomerId), ("cart_id", order.CartId),
            ("converted_at", order.OccurredAt.ToUniversalTime()), ("window", options.Value.AttributionWindow),
            ("revenue", order.Total), ("currency", order.Currency),
            ("sent", DecisionOutcomes.Sent), ("suppressed", DecisionOutcomes.Suppressed), ("holdout_rule", ContactRules.Holdout),
            ("treated", Treatments.Treated), ("holdout", Treatments.Holdout));
        return credited.Count == 0 ? null : credited[0];
    }
}
