using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rows;

namespace CartRecovery.Dispatcher;

/// <summary>Revokes a journey's issued codes with the writes of the message being consumed, so they commit together.</summary>
public sealed class UnusedDiscountCodes(JourneyDbContext dbContext, MessageConnection messageConnection, PendingRowWrites writes)
    : IUnusedDiscountCodes
{
    public Task RevokeAsync(Guid journeyId, CancellationToken cancellationToken) =>
        dbContext.WriteInMessageTransaction(messageConnection, writes,
            ["UPDATE discount_code SET status = 'revoked' WHERE journey_id = @journey_id AND status = 'issued'"],
            cancellationToken, ("journey_id", journeyId));
}
