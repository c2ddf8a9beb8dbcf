using System.Collections.Concurrent;
using CartRecovery.Journeys.CartAbandonment;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>Remembers which journeys asked to revoke their unused codes.</summary>
public sealed class RecordingDiscountCodes : IUnusedDiscountCodes
{
    private readonly ConcurrentQueue<Guid> _revoked = new();

    public IReadOnlyCollection<Guid> RevokedFor => _revoked;

    public Task RevokeAsync(Guid journeyId, CancellationToken cancellationToken)
    {
        _revoked.Enqueue(journeyId);
        return Task.CompletedTask;
    }
}
