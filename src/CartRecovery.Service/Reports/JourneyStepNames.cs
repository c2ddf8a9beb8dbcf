using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.PostPurchase;

namespace CartRecovery.Service.Reports;

/// <summary>The decision log keeps step numbers; reports read better with the names the journeys give them.</summary>
public static class JourneyStepNames
{
    private static readonly Dictionary<(string Journey, int Step), string> Names = new()
    {
        [(JourneyNames.CartAbandonment, CartAbandonmentSteps.Recovery)] = CartAbandonmentSteps.RecoveryName,
        [(JourneyNames.CartAbandonment, CartAbandonmentSteps.Discount)] = CartAbandonmentSteps.DiscountName,
        [(JourneyNames.CartAbandonment, CartAbandonmentSteps.Checkout)] = CartAbandonmentSteps.CheckoutName,
        [(JourneyNames.BrowseAbandonment, BrowseAbandonmentSteps.Browse)] = BrowseAbandonmentSteps.BrowseName,
        [(JourneyNames.PostPurchase, PostPurchaseSteps.Shipment)] = PostPurchaseSteps.ShipmentName,
        [(JourneyNames.PostPurchase, PostPurchaseSteps.Review)] = PostPurchaseSteps.ReviewName,
        [(JourneyNames.PostPurchase, PostPurchaseSteps.CrossSell)] = PostPurchaseSteps.CrossSellName,
        [(JourneyNames.Inactivity, InactivitySteps.ReEngagement)] = InactivitySteps.ReEngagementName,
        [(JourneyNames.Inactivity, InactivitySteps.WinBack)] = InactivitySteps.WinBackName,
    };

    public static string For(string journey, int step) =>
        Names.TryGetValue((journey, step), out var name) ? name : $"step-{step}";
}
