namespace CartRecovery.Dispatcher.Erasure;

/// <summary>How erased customers are pseudonymised, bound from <c>Privacy</c>.</summary>
public sealed record PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>HMAC key of the pseudonyms, at least 32 characters. Rotating it means earlier pseudonyms no longer
    /// match their customers: late emails of customers erased before are then no longer recognised as erased.</summary>
    public string PseudonymSecret { get; init; } = "";
}
