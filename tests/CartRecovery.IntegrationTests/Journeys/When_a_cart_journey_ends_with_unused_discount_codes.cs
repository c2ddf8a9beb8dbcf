using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;

namespace CartRecovery.IntegrationTests.Journeys;

/// <summary>A journey that ends without the order it was meant to win revokes the codes its discount email carried, in
/// the commit that ends it; one the order recovered leaves them to be redeemed.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_cart_journey_ends_with_unused_discount_codes(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o => o.PurgeQueues = true);
        await _host.Database.Execute("""
            INSERT INTO discount_code (code, journey_id, step, customer_id, percent, expires_at, status, issued_at)
            VALUES ('SPEC-CODE', @journey_id, 2, @customer_id, 10, now() + interval '7 days', 'issued', now())
            """, ("journey_id", _cartId), ("customer_id", CartEvents.CustomerId));
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_revoke_them_in_the_commit_that_ends_a_converted_journey()
    {
        // Only a journey that asked for the discount email can hold a code, so only such a journey revokes.
        await Eventually.Until(() => _host.Database.CartState(_cartId), s => s == "DiscountOffered", TimeSpan.FromSeconds(30), "discount offered");
        await _host.Bus.Publish(CartEvents.OrderPlaced(_cartId) with { OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        await Eventually.Until(() => _host.Database.CartState(_cartId), s => s == "Final", TimeSpan.FromSeconds(30), "cart final");

        // Read at once: no later message may be needed to revoke them.
        Assert.Equal("revoked", await CodeStatus());
    }

    [Fact]
    public async Task Should_leave_them_issued_when_the_order_followed_the_email()
    {
        await _host.EmailRequests.WaitFor(m => m.JourneyId == _cartId, count: 1, TimeSpan.FromSeconds(30));
        await _host.Bus.Publish(CartEvents.OrderPlaced(_cartId));

        var ended = await _host.JourneysEnded.WaitFor(m => m.CartId == _cartId, count: 1, TimeSpan.FromSeconds(30));

        Assert.Equal(CartJourneyOutcomes.Recovered, ended[0].Message.Outcome);
        Assert.Equal("issued", await CodeStatus());
    }

    private Task<string?> CodeStatus() =>
        _host.Database.Scalar<string>("SELECT status FROM discount_code WHERE journey_id = @journey_id", ("journey_id", _cartId));
}
