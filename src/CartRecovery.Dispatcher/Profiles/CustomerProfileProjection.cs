using CartRecovery.Contracts;
using CartRecovery.Delivery.Profiles;
using CartRecovery.Dispatcher.Erasure;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;
using MassTransit;

namespace CartRecovery.Dispatcher.Profiles;

/// <summary>
/// Keeps each customer's profile from the events: contact details and consent, orders and value, engagement.
/// Writes go through the message's own transaction, so the inbox makes each event count once.
/// Events arrive out of order, so event time decides (<see cref="ProfileOrdering"/>), in one statement each, so two
/// concurrent deliveries cannot interleave. Events that happened before the customer was erased change nothing.
/// Nothing reads the outcome, so the statements wait for the message's batch of writes before its commit.
/// </summary>
public sealed class CustomerProfileProjection(JourneyDbContext dbContext, MessageConnection messageConnection, PendingRowWrites writes, CustomerPseudonym pseudonyms,
    TimeProvider clock) :
    IConsumer<CustomerProfileUpdated>,
    IConsumer<CustomerUnsubscribed>,
    IConsumer<OrderPlaced>,
    IConsumer<CartItemAdded>,
    IConsumer<ProductViewed>,
    IConsumer<EmailOpened>,
    IConsumer<EmailClicked>
{
    private const string NotErasedSince = """
        NOT EXISTS (SELECT 1 FROM erased_customer WHERE pseudonym = @pseudonym AND erased_at >= @occurred_at)
        """;

    public Task Consume(ConsumeContext<CustomerProfileUpdated> context) =>
        Execute(context, context.Message.CustomerId, context.Message.OccurredAt, $"""
            INSERT INTO customer_profile (customer_id, email, first_name, time_zone, locale, profile_changed_at,
                                          marketing_consent, unsubscribed, consent_changed_at, updated_at)
            SELECT @customer_id, @email, @first_name, @time_zone, @locale, @occurred_at, @consent, false, @occurred_at, @now
            WHERE {NotErasedSince}
            ON CONFLICT (customer_id) DO UPDATE SET
                email = CASE WHEN {ProfileOrdering.NewerDetails} THEN excluded.email ELSE customer_profile.email END,
                first_name = CASE WHEN {ProfileOrdering.NewerDetails} THEN excluded.first_name ELSE customer_profile.first_name END,
                time_zone = CASE WHEN {ProfileOrdering.NewerDetails} THEN excluded.time_zone ELSE customer_profile.time_zone END,
                locale = CASE WHEN {ProfileOrdering.NewerDetails} THEN excluded.locale ELSE customer_profile.locale END,
                profile_changed_at = GREATEST(customer_profile.profile_changed_at, excluded.profile_changed_at),
                marketing_consent = CASE WHEN {ProfileOrdering.NewerConsent} THEN excluded.marketing_consent ELSE customer_profile.marketing_consent END,
                unsubscribed = CASE WHEN {ProfileOrdering.NewerConsent} AND excluded.marketing_consent THEN false ELSE customer_profile.unsubscribed END,
                consent_changed_at = CASE WHEN {ProfileOrdering.NewerConsent} THEN excluded.consent_changed_at ELSE customer_profile.consent_changed_at END,
                updated_at = excluded.updated_at
            """,
            ("email", context.Message.Email), ("first_name", context.Message.FirstName), ("time_zone", context.Message.TimeZone),
            ("locale", context.Message.Locale), ("consent", context.Message.MarketingConsent));

    public Task Consume(ConsumeContext<CustomerUnsubscribed> context) =>
        Execute(context, context.Message.CustomerId, context.Message.OccurredAt, $"""
            INSERT INTO customer_profile (customer_id, marketing_consent, unsubscribed, consent_changed_at, updated_at)
            SELECT @customer_id, false, true, @occurred_at, @now
            WHERE {NotErasedSince}
            ON CONFLICT (customer_id) DO UPDATE SET
                marketing_consent = CASE WHEN {ProfileOrdering.NewerConsent} THEN false ELSE customer_profile.marketing_consent END,
                unsubscribed = CASE WHEN {ProfileOrdering.NewerConsent} THEN true ELSE customer_profile.unsubscribed END,
                consent_changed_at = CASE WHEN {ProfileOrdering.NewerConsent} THEN excluded.consent_changed_at ELSE customer_profile.consent_changed_at END,
                updated_at = excluded.updated_at
            """);

    public Task Consume(ConsumeContext<OrderPlaced> context) =>
        Execute(context, context.Message.CustomerId, context.Message.OccurredAt, $"""
            INSERT INTO customer_profile (customer_id, order_count, lifetime_value, updated_at)
            SELECT @customer_id, 1, @total, @now WHERE {NotErasedSince}
            ON CONFLICT (customer_id) DO UPDATE SET order_count = customer_profile.order_count + 1,
                lifetime_value = customer_profile.lifetime_value + excluded.lifetime_value, updated_at = excluded.updated_at
            """,
            ("total", context.Message.Total));

    public Task Consume(ConsumeContext<CartItemAdded> context) =>
        Engaged(context, context.Message.CustomerId, context.Message.OccurredAt, EngagementPoints.CartAdd);

    public async Task Consume(ConsumeContext<ProductViewed> context)
    {
        var view = context.Message;
        await Engaged(context, view.CustomerId, view.OccurredAt, EngagementPoints.ProductView);
        await Execute(context, view.CustomerId, view.OccurredAt, $"""
            INSERT INTO product_view (customer_id, sku, name, unit_price, currency, category, image_url, product_url, viewed_at)
            SELECT @customer_id, @sku, @name, @unit_price, @currency, @category, @image_url, @product_url, @occurred_at
            WHERE {NotErasedSince}
            ON CONFLICT (customer_id, sku) DO UPDATE SET name = excluded.name, unit_price = excluded.unit_price,
                currency = excluded.currency, category = excluded.category, image_url = excluded.image_url,
                product_url = excluded.product_url, viewed_at = GREATEST(product_view.viewed_at, excluded.viewed_at)
            """,
            ("sku", view.Sku), ("name", view.Name), ("unit_price", view.UnitPrice), ("currency", view.Currency),
            ("category", view.Category), ("image_url", view.ImageUrl?.AbsoluteUri), ("product_url", view.ProductUrl?.AbsoluteUri));
    }

    public Task Consume(ConsumeContext<EmailOpened> context) =>
        Engaged(context, context.Message.CustomerId, context.Message.OccurredAt, EngagementPoints.EmailOpen);

    public Task Consume(ConsumeContext<EmailClicked> context) =>
        Engaged(context, context.Message.CustomerId, context.Message.OccurredAt, EngagementPoints.EmailClick);

    private Task Engaged(ConsumeContext context, string customerId, DateTimeOffset occurredAt, int points) =>
        Execute(context, customerId, occurredAt, $"""
            INSERT INTO customer_profile (customer_id, engagement_score, last_engaged_at, updated_at)
            SELECT @customer_id, @points, @now, @now WHERE {NotErasedSince}
            ON CONFLICT (customer_id) DO UPDATE SET engagement_score = customer_profile.engagement_score + excluded.engagement_score,
                last_engaged_at = excluded.last_engaged_at, updated_at = excluded.updated_at
            """,
            ("points", points));

    private Task Execute(ConsumeContext context, string customerId, DateTimeOffset occurredAt, string sql,
        params (string Name, object? Value)[] values) =>
        Execute(context, customerId, occurredAt, [sql], values);

    private async Task Execute(ConsumeContext context, string customerId, DateTimeOffset occurredAt, IReadOnlyList<string> statements,
        (string Name, object? Value)[] values)
    {
        (string, object?)[] parameters =
        [
            ("customer_id", customerId), ("pseudonym", pseudonyms.Of(customerId)),
            ("occurred_at", occurredAt.ToUniversalTime()), ("now", clock.GetUtcNow()), .. values,
        ];
        await dbContext.WriteInMessageTransaction(messageConnection, writes, statements, context.CancellationToken, parameters);
    }
}
