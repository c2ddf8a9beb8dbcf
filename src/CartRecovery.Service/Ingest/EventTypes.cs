using System.Collections.Frozen;
using CartRecovery.Contracts;

namespace CartRecovery.Service.Ingest;

/// <summary>The <c>type</c> names the HTTP ingest accepts, and the contract each one becomes on the bus.</summary>
public static class EventTypes
{
    public static readonly FrozenDictionary<string, Type> ByName = new Dictionary<string, Type>
    {
        ["cart.item_added"] = typeof(CartItemAdded),
        ["cart.item_removed"] = typeof(CartItemRemoved),
        ["checkout.started"] = typeof(CheckoutStarted),
        ["order.placed"] = typeof(OrderPlaced),
        ["order.shipped"] = typeof(OrderShipped),
        ["order.delivered"] = typeof(OrderDelivered),
        ["order.cancelled"] = typeof(OrderCancelled),
        ["product.viewed"] = typeof(ProductViewed),
        ["email.opened"] = typeof(EmailOpened),
        ["email.clicked"] = typeof(EmailClicked),
        ["customer.profile_updated"] = typeof(CustomerProfileUpdated),
        ["customer.unsubscribed"] = typeof(CustomerUnsubscribed),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
