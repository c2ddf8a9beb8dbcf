using CartRecovery.Contracts;
using CartRecovery.Delivery.Profiles;
using CartRecovery.Persistence;
using MassTransit;

namespace CartRecovery.Dispatcher.Profiles;

/// <summary>
/// Keeps each customer's profile from the events: contact details and consent, orders and value, engagement.
/// Writes go through the message's own transaction, so the inbox makes each event count once.
/// </summary>
public sealed class CustomerProfileProjection(JourneyDbContext dbContext, TimeProvider clock) :
    IConsumer<CustomerProfileUpdated>,
    IConsumer<CustomerUnsubscribed>,
    IConsumer<OrderPlaced>,
    IConsumer<CartItemAdded>,
    IConsumer<ProductViewed>,
    IConsumer<EmailOpened>,
    IConsumer<EmailClicked>
{
    private const string Upsert = """
        INSERT INTO customer_profile (customer_id, updated_at) VALUES (@customer_id, @now)
        ON CONFLICT (customer_id) DO NOTHING;
        """;

    public Task Consume(ConsumeContext<CustomerProfileUpdated> context) =>
        Apply(context, context.Message.CustomerId, """
            UPDATE customer_profile SET email = @email, first_name = @first_name, time_zone = @time_zone,
                   locale = @locale, marketing_consent = @consent, updated_at = @now
            WHERE customer_id = @customer_id
            """,
            ("email", context.Message.Email), ("first_name", context.Message.FirstName), ("time_zone", context.Message.TimeZone),
            ("locale", context.Message.Locale), ("consent", context.Message.MarketingConsent));

    public Task Consume(ConsumeContext<CustomerUnsubscribed> context) =>
        Apply(context, context.Message.CustomerId, "UPDATE customer_profile SET unsubscribed = true, marketing_consent = false, updated_at = @now WHERE customer_id = @customer_id");

    public Task Consume(ConsumeContext<OrderPlaced> context) =>
        Apply(context, context.Message.CustomerId, """
            UPDATE customer_profile SET order_count = order_count + 1, lifetime_value = lifetime_value + @total, updated_at = @now
            WHERE customer_id = @customer_id
            """,
            ("total", context.Message.Total));

    public Task Consume(ConsumeContext<CartItemAdded> context) => Engaged(context, context.Message.CustomerId, EngagementPoints.CartAdd);

    public async Task Consume(ConsumeContext<ProductViewed> context)
    {
        var view = context.Message;
        await Engaged(context, view.CustomerId, EngagementPoints.ProductView);
        await dbContext.ExecuteInMessageTransaction("""
            INSERT INTO product_view (customer_id, sku, name, unit_price, currency, category, image_url, product_url, viewed_at)
            VALUES (@customer_id, @sku, @name, @unit_price, @currency, @category, @image_url, @product_url, @viewed_at)
            ON CONFLICT (customer_id, sku) DO UPDATE SET name = excluded.name, unit_price = excluded.unit_price,
                currency = excluded.currency, category = excluded.category, image_url = excluded.image_url,
                product_url = excluded.product_url, viewed_at = GREATEST(product_view.viewed_at, excluded.viewed_at)
            """, context.CancellationToken,
            ("customer_id", view.CustomerId), ("sku", view.Sku), ("name", view.Name), ("unit_price", view.UnitPrice),
            ("currency", view.Currency), ("category", view.Category), ("image_url", view.ImageUrl?.AbsoluteUri),
            ("product_url", view.ProductUrl?.AbsoluteUri), ("viewed_at", view.OccurredAt.ToUniversalTime()));
    }

    public Task Consume(ConsumeContext<EmailOpened> context) => Engaged(context, context.Message.CustomerId, EngagementPoints.EmailOpen);

    public Task Consume(ConsumeContext<EmailClicked> context) => Engaged(context, context.Message.CustomerId, EngagementPoints.EmailClick);

    private Task Engaged(ConsumeContext context, string customerId, int points) =>
        Apply(context, customerId, """
            UPDATE customer_profile SET engagement_score = engagement_score + @points, last_engaged_at = @now, updated_at = @now
            WHERE customer_id = @customer_id
            """,
            ("points", points));

    private async Task Apply(ConsumeContext context, string customerId, string update, params (string Name, object? Value)[] values)
    {
        (string, object?)[] parameters = [("customer_id", customerId), ("now", clock.GetUtcNow()), .. values];
        await dbContext.ExecuteInMessageTransaction(Upsert + update, context.CancellationToken, parameters);
    }
}
