using CartRecovery.Contracts;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.Inactivity;

public sealed class When_the_customer_lapses : IAsyncLifetime
{
    private readonly Guid _journeyId = InactivityJourneyId.For(Events.CustomerId);
    private MoreJourneysHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await MoreJourneysHarness.Start();
        await _h.Publish(MoreEvents.EmailOpened(_h.Now));
        await _h.Advance(TimeSpan.FromDays(30));
        await _h.CustomerIn(_journeyId, m => m.Lapsed);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_request_the_re_engagement_email()
    {
        var email = Assert.Single(await _h.EmailsOf(JourneyNames.Inactivity));
        Assert.Equal(InactivitySteps.ReEngagement, email.Step);
        Assert.Equal(InactivitySteps.ReEngagementName, email.StepName);
        Assert.Equal(Events.CustomerId, email.CustomerId);
        Assert.Equal(InactivityJourneyId.ForLapse(_journeyId, 1), email.JourneyId);
        Assert.Empty(email.Products);
        Assert.Null(email.DiscountPercent);
    }

    [Fact]
    public async Task Should_arm_only_the_win_back()
    {
        Assert.IsType<WinBackDue>(Assert.Single(_h.PendingInactivityTimersFor(_journeyId)));
    }

    [Fact]
    public async Task Should_offer_the_win_back_incentive_when_still_inactive()
    {
        await _h.Advance(TimeSpan.FromDays(14));
        var customer = await _h.CustomerIn(_journeyId, m => m.WinBackOffered);
        Assert.Equal(15, customer.WinBackDiscountPercent);

        var emails = await _h.EmailsOf(JourneyNames.Inactivity);
        Assert.Equal([InactivitySteps.ReEngagement, InactivitySteps.WinBack], emails.Select(e => e.Step));
        var winBack = emails[1];
        Assert.Equal(InactivitySteps.WinBackName, winBack.StepName);
        Assert.Equal(15, winBack.DiscountPercent);
        Assert.Equal(emails[0].JourneyId, winBack.JourneyId);
        Assert.IsType<SunsetDue>(Assert.Single(_h.PendingInactivityTimersFor(_journeyId)));
    }

    [Fact]
    public async Task Should_sunset_the_customer_when_the_win_back_is_ignored()
    {
        await _h.Advance(TimeSpan.FromDays(14));
        await _h.CustomerIn(_journeyId, m => m.WinBackOffered);
        await _h.Advance(TimeSpan.FromDays(30));

        var customer = await _h.CustomerIn(_journeyId, m => m.Unengaged);
        Assert.Equal(_h.Now, customer.UnengagedAt);
        Assert.True(await _h.Bus.Published.Any<CustomerMarkedUnengaged>(x =>
            x.Context.Message.CustomerId == Events.CustomerId && x.Context.Message.At == _h.Now));
        Assert.Empty(_h.PendingInactivityTimersFor(_journeyId));
        Assert.Equal(2, (await _h.EmailsOf(JourneyNames.Inactivity)).Count);
    }
}
