using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.Inactivity;

public sealed class When_an_unengaged_customer_returns : IAsyncLifetime
{
    private readonly Guid _journeyId = InactivityJourneyId.For(Events.CustomerId);
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.EmailOpened(_h.Now));
        await _h.Advance(TimeSpan.FromDays(30));
        await _h.CustomerIn(_journeyId, m => m.Lapsed);
        await _h.Advance(TimeSpan.FromDays(14));
        await _h.CustomerIn(_journeyId, m => m.WinBackOffered);
        await _h.Advance(TimeSpan.FromDays(30));
        await _h.CustomerIn(_journeyId, m => m.Unengaged);
        await _h.Advance(TimeSpan.FromDays(60));
        await _h.Publish(MoreEvents.ProductViewed(_h.Now));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_return_to_active_and_re_arm_the_inactivity_timer()
    {
        var customer = await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.Equal(_h.Now, customer.LastActivityAt);
        Assert.IsType<CustomerInactivityElapsed>(Assert.Single(_h.PendingInactivityTimersFor(_journeyId)));
    }

    [Fact]
    public async Task Should_lift_the_sunset()
    {
        await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.True(await _h.Bus.Published.Any<CustomerReengaged>(x =>
            x.Context.Message.CustomerId == Events.CustomerId && x.Context.Message.At == _h.Now));
    }
}
