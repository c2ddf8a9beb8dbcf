namespace CartRecovery.Delivery.Profiles;

/// <summary>Points added to <see cref="CustomerProfile.EngagementScore"/> per customer action.</summary>
public static class EngagementPoints
{
    public const int CartAdd = 10;
    public const int ProductView = 1;
    public const int NewsletterSignUp = 2;
    public const int EmailOpen = 3;
    public const int EmailClick = 5;
}
