using CartRecovery.Delivery.Discounts;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Outbox;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher.Sending;

/// <summary>Mints the step's code (the same one on every retry) and stores it with the customer.</summary>
public sealed class DiscountCodes(DiscountCodeMinter minter, IOptions<DiscountCodeOptions> options, JourneyDbContext dbContext,
    MessageConnection messageConnection)
{
    public async Task<(string Code, DateTimeOffset ExpiresAt)> Issue(Guid journeyId, int step, string customerId, int percent,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var code = minter.Mint(journeyId, step);
        var expiresAt = now + options.Value.Lifetime;
        await dbContext.ExecuteInMessageTransaction(messageConnection, """
            INSERT INTO discount_code (code, journey_id, step, customer_id, percent, expires_at, status, issued_at)
            VALUES (@code, @journey_id, @step, @customer_id, @percent, @expires_at, 'issued', @now)
            ON CONFLICT (journey_id, step) DO NOTHING
            """, cancellationToken,
            ("code", code), ("journey_id", journeyId), ("step", step), ("customer_id", customerId),
            ("percent", percent), ("expires_at", expiresAt), ("now", now));
        return (code, expiresAt);
    }
}
