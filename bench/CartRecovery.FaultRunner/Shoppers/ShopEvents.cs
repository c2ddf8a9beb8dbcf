using System.Text.Json.Nodes;

namespace CartRecovery.FaultRunner.Shoppers;

/// <summary>Events as a shop backend posts them to <c>POST /api/events</c> (docs/events.md), each with its own id
/// that every retry repeats.</summary>
internal static class ShopEvents
{
    public static JsonObject Profile(string customerId, DateTimeOffset at, bool consent = true, string firstName = "Ada") => Event("customer.profile_updated", customerId, at, new JsonObject
    {
        ["email"] = $"{customerId}@example.com",
        ["firstName"] = firstName,
        ["timeZone"] = "Europe/Berlin",
        ["locale"] = "en-GB",
        ["marketingConsent"] = consent,
    });

    public static JsonObject Unsubscribed(string customerId, DateTimeOffset at) =>
        Event("customer.unsubscribed", customerId, at, new JsonObject { ["source"] = "one-click" });

    public static JsonObject ItemAdded(Shopper shopper, string sku, DateTimeOffset at) => Event("cart.item_added", shopper.CustomerId, at, new JsonObject
    {
        ["cartId"] = shopper.CartId,
        ["item"] = Line(sku),
    });

    public static JsonObject ItemRemoved(Shopper shopper, string sku, DateTimeOffset at) => Event("cart.item_removed", shopper.CustomerId, at, new JsonObject
    {
        ["cartId"] = shopper.CartId,
        ["sku"] = sku,
        ["quantity"] = 1,
    });

    public static JsonObject OrderPlaced(Shopper shopper, DateTimeOffset at) => Event("order.placed", shopper.CustomerId, at, new JsonObject
    {
        ["orderId"] = Guid.NewGuid(),
        ["cartId"] = shopper.CartId,
        ["lines"] = new JsonArray(Line("SKU-A")),
        ["total"] = 24.90m,
        ["currency"] = "EUR",
    });

    public static JsonObject Line(string sku) => new()
    {
        ["sku"] = sku,
        ["name"] = $"Product {sku}",
        ["unitPrice"] = 24.90m,
        ["currency"] = "EUR",
        ["quantity"] = 1,
        ["productUrl"] = $"https://shop.example/p/{sku}",
    };

    private static JsonObject Event(string type, string customerId, DateTimeOffset at, JsonObject fields)
    {
        var body = new JsonObject
        {
            ["type"] = type,
            ["eventId"] = Guid.NewGuid(),
            ["occurredAt"] = at,
            ["customerId"] = customerId,
        };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            body[name] = value;
        }

        return body;
    }
}
