using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Decisions;
using CartRecovery.Journeys.Telemetry;
using CartRecovery.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher.Conversions;

/// <summary>
/// Credits each order to the customer's last email decision within the attribution window before it: last touch,
/// so an order's revenue is counted once. The cart the order came from wins over a later email of another journey.
/// Holdout suppressions are credited like sent emails, as the control group, so reports can compare the two.
/// </summary>
public sealed class ConversionAttribution(JourneyDbContext dbContext, IOptions<ConversionOptions> options, CartRecoveryMetrics metrics)
    : IConsumer<OrderPlaced>
{
    private const string Attribute = """
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
        RETURNING journey, step, treatment
        """;

    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var order = context.Message;
        var credited = await dbContext.QueryInMessageTransaction(Attribute,
            r => (Journey: r.GetString(0), Step: r.GetInt32(1), Treatment: r.GetString(2)),
            context.CancellationToken,
            ("order_id", order.OrderId), ("customer_id", order.CustomerId), ("cart_id", order.CartId),
            ("converted_at", order.OccurredAt.ToUniversalTime()), ("window", options.Value.AttributionWindow),
            ("revenue", order.Total), ("currency", order.Currency),
            ("sent", DecisionOutcomes.Sent), ("suppressed", DecisionOutcomes.Suppressed), ("holdout_rule", ContactRules.Holdout),
            ("treated", Treatments.Treated), ("holdout", Treatments.Holdout));

        // Counted only when this delivery wrote the row: a redelivered order credits nothing twice.
        foreach (var (journey, step, treatment) in credited)
        {
            metrics.Converted(journey, step, treatment, order.Total, order.Currency);
        }
    }
}
