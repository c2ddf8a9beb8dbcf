namespace CartRecovery.Delivery.Templates;

/// <summary>The code minted for a discount step and when it stops working.</summary>
public sealed record IssuedDiscount(string Code, DateTimeOffset ExpiresAt);
