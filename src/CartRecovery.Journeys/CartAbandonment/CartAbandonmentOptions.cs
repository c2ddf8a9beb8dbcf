using CartRecovery.Journeys.Experiments;

namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>Marketer-tunable thresholds of the cart journey, bound from <c>Journeys:CartAbandonment</c>.</summary>
public sealed record CartAbandonmentOptions
{
    public const string SectionName = "Journeys:CartAbandonment";

    /// <summary>A cart with no activity for this long is abandoned.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A cart whose checkout started and saw nothing else for this long gets the checkout email.</summary>
    public TimeSpan CheckoutIdleTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Arms of the recovery-delay experiment (<see cref="CartAbandonmentExperiments.RecoveryDelay"/>): each
    /// customer's carts wait their arm's delay instead of <see cref="IdleTimeout"/>. Empty: no experiment.</summary>
    public IReadOnlyList<DelayVariant> RecoveryDelayVariants { get; init; } = [];

    /// <summary>How long after the recovery email the discount email is due, if the cart is still abandoned.</summary>
    public TimeSpan DiscountFollowUpDelay { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The journey ends this long after the first item was added, whatever happened.</summary>
    public TimeSpan Expiry { get; init; } = TimeSpan.FromDays(7);

    public int StandardDiscountPercent { get; init; } = 10;

    /// <summary>VIP customers whose cart is worth more than <see cref="VipCartValueThreshold"/> get this instead.</summary>
    public int VipDiscountPercent { get; init; } = 20;

    public decimal VipCartValueThreshold { get; init; } = 150m;
}
