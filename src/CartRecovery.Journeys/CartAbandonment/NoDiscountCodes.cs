namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>The answer when no email dispatcher is wired in: nothing issued codes, so there is nothing to revoke.
/// The service host replaces it with the dispatcher's code store.</summary>
public sealed class NoDiscountCodes : IUnusedDiscountCodes
{
    public Task RevokeAsync(Guid journeyId, CancellationToken cancellationToken) => Task.CompletedTask;
}
