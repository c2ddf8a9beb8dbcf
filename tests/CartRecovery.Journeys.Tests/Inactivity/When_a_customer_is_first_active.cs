using CartRecovery.Contracts;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.Inactivity;

public sealed class When_a_customer_is_first_active : IAsyncLifetime
{
    private readonly Guid _journeyId = InactivityJourneyId.For(Events.CustomerId);
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync() => _h = await MoreJourneysHarness.Start();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("cart")]
    [InlineData("view")]
    [InlineData("order")]
    [InlineData("open")]
    [InlineData("click")]
    public async Task Should_start_the_customer_as_active_on_any_activity(string activity)
    {
        switch (activity)
        {
            case "cart": await _h.Publish(Events.ItemAdded(Guid.NewGuid(), _h.Now)); break;
            case "view": await _h.Publish(MoreEvents.ProductViewed(_h.Now)); break;
            case "order": await _h.Publish(MoreEvents.OrderPlaced(_h.Now)); break;
            case "open": await _h.Publish(MoreEvents.EmailOpened(_h.Now)); break;
            default: await _h.Publish(MoreEvents.EmailClicked(_h.Now)); break;
        }

        var customer = await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.Equal(Events.CustomerId, customer.CustomerId);
        Assert.Equal(_h.Now, customer.LastActivityAt);
        Assert.IsType<CustomerInactivityElapsed>(Assert.Single(_h.PendingInactivityTimersFor(_journeyId)));
    }

    [Fact]
    public async Task Should_not_email_an_active_customer()
    {
        await _h.Publish(MoreEvents.EmailOpened(_h.Now));
        await _h.Advance(TimeSpan.FromDays(29));
        await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.Empty(await _h.EmailsOf(JourneyNames.Inactivity));
    }
}
