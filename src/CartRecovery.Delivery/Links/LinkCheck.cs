namespace CartRecovery.Delivery.Links;

/// <summary>What checking a link found; <see cref="Token"/> is set whenever the link is genuine, expired or not.</summary>
public sealed record LinkCheck(LinkStatus Status, TrackingToken? Token)
{
    public static readonly LinkCheck Invalid = new(LinkStatus.Invalid, null);
}
