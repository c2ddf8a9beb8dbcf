using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.PostPurchase;
using Microsoft.EntityFrameworkCore;

namespace CartRecovery.Persistence.Sagas;

/// <summary>
/// Asks a journey's own state whether an event that makes its email wrong reached it after the email was requested:
/// an order, an emptied cart or a cancel that ended it, or (cart) a checkout that started since. Shops send events
/// late, so the dispatcher asks this before an email leaves. Read in the message's transaction, without locks.
/// </summary>
public sealed class LateJourneyEvents(JourneyDbContext dbContext)
{
    private static readonly Dictionary<string, string> CartEndings = new(StringComparer.Ordinal)
    {
        [CartJourneyOutcomes.Converted] = LateEventKinds.Order,
        [CartJourneyOutcomes.Recovered] = LateEventKinds.Order,
        [CartJourneyOutcomes.Emptied] = LateEventKinds.Emptied,
        [CartJourneyOutcomes.Cancelled] = LateEventKinds.Cancel,
    };

    private static readonly Dictionary<string, string> PostPurchaseEndings = new(StringComparer.Ordinal)
    {
        [PostPurchaseOutcomes.Cancelled] = LateEventKinds.Cancel,
        [PostPurchaseOutcomes.Refunded] = LateEventKinds.Cancel,
        [PostPurchaseOutcomes.CancelledBySupport] = LateEventKinds.Cancel,
    };

    /// <summary>The kind of late event (<see cref="LateEventKinds"/>) that settles the email, or null when none did.
    /// Journeys other than cart and post-purchase have no such event: support cancels reach every journey through
    /// the cancellation list instead.</summary>
    public async Task<string?> Since(string journey, Guid journeyId, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        switch (journey)
        {
            case JourneyNames.CartAbandonment:
                var cart = await dbContext.Set<CartAbandonmentState>().AsNoTracking()
                    .Where(x => x.CorrelationId == journeyId)
                    .Select(x => new { x.Outcome, x.CheckoutStartedAt })
                    .SingleOrDefaultAsync(cancellationToken);
                if (cart?.Outcome is { } outcome && CartEndings.TryGetValue(outcome, out var ending))
                {
                    return ending;
                }

                return cart?.CheckoutStartedAt > requestedAt ? LateEventKinds.Checkout : null;
            case JourneyNames.PostPurchase:
                var order = await dbContext.Set<PostPurchaseState>().AsNoTracking()
                    .Where(x => x.CorrelationId == journeyId)
                    .Select(x => x.Outcome)
                    .SingleOrDefaultAsync(cancellationToken);
                return order is not null && PostPurchaseEndings.TryGetValue(order, out var cancelled) ? cancelled : null;
            default:
                return null;
        }
    }
}
