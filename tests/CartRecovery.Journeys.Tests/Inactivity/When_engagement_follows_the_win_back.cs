using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.Inactivity;

public sealed class When_engagement_follows_the_win_back : IAsyncLifetime
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
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_return_to_active_and_drop_the_sunset()
    {
        await _h.Publish(MoreEvents.OrderPlaced(_h.Now));
        var customer = await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.Null(customer.SunsetTokenId);
        Assert.IsType<CustomerInactivityElapsed>(Assert.Single(_h.PendingInactivityTimersFor(_journeyId)));

        await _h.Advance(TimeSpan.FromDays(29));
        await _h.CustomerIn(_journeyId, m => m.Active);
        Assert.False(await _h.Bus.Published.Any<CustomerMarkedUnengaged>());
    }
}
