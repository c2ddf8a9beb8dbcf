namespace CartRecovery.Delivery.Links;

public enum LinkStatus
{
    Valid,

    /// <summary>Malformed, tampered with, of an unknown kind, or signed with a key we do not hold.</summary>
    Invalid,

    /// <summary>Genuine, but older than its kind's lifetime.</summary>
    Expired,
}
