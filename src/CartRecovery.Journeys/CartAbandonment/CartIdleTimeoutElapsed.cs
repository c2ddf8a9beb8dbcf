namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>The idle window armed for the cart has run out (the cart may have seen activity since).</summary>
public sealed record CartIdleTimeoutElapsed
{
    public required Guid CartId { get; init; }
}
