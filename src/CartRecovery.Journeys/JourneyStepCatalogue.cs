using CartRecovery.Contracts;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.PostPurchase;

namespace CartRecovery.Journeys;

/// <summary>Every email step of every journey, in one place: specs check each has its own templates in every
/// language, so a new step cannot quietly go out with the generic fallback.</summary>
public static class JourneyStepCatalogue
{
    public static IReadOnlyList<JourneyStep> All { get; } =
    [
        new(JourneyNames.CartAbandonment, CartAbandonmentSteps.Recovery, CartAbandonmentSteps.RecoveryName),
        new(JourneyNames.CartAbandonment, CartAbandonmentSteps.Discount, CartAbandonmentSteps.DiscountName),
        new(JourneyNames.CartAbandonment, CartAbandonmentSteps.Checkout, CartAbandonmentSteps.CheckoutName),
        new(JourneyNames.BrowseAbandonment, BrowseAbandonmentSteps.Browse, BrowseAbandonmentSteps.BrowseName),
        new(JourneyNames.PostPurchase, PostPurchaseSteps.Shipment, PostPurchaseSteps.ShipmentName),
        new(JourneyNames.PostPurchase, PostPurchaseSteps.Review, PostPurchaseSteps.ReviewName),
        new(JourneyNames.PostPurchase, PostPurchaseSteps.CrossSell, PostPurchaseSteps.CrossSellName),
        new(JourneyNames.Inactivity, InactivitySteps.ReEngagement, InactivitySteps.ReEngagementName),
        new(JourneyNames.Inactivity, InactivitySteps.WinBack, InactivitySteps.WinBackName),
    ];
}
