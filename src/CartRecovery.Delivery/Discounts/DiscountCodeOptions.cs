namespace CartRecovery.Delivery.Discounts;

/// <summary>Key that makes discount codes unguessable, bound from <c>Delivery:Discounts</c>.</summary>
public sealed record DiscountCodeOptions
{
    public const string SectionName = "Delivery:Discounts";

    /// <summary>HMAC key, at least 32 characters. Changing it changes every code minted from then on.</summary>
    public string Secret { get; init; } = "";

    /// <summary>How long a minted code can be redeemed.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromDays(7);
}
