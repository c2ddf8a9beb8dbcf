using System.Net;
using CartRecovery.FaultRunner.Reporting;
using CartRecovery.FaultRunner.Shoppers;

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>Shoppers who unsubscribe, or whom support erases, as soon as their recovery email is in: nothing may
/// follow once the stop committed, and an erased customer leaves no trace in any table.</summary>
internal sealed class F8StopsMidJourney : Scenario
{
    private readonly List<Shopper> _stoppers = [];

    public override string Id => "F8";
    public override string Title => "unsubscribe and erasure mid-journey";

    protected override async Task Drive(ScenarioContext context)
    {
        await context.StartInstance();
        for (var i = 0; i < context.Timings.ShoppersPerCohort; i++)
        {
            _stoppers.Add(context.Factory.StopsMidJourney(Cohort.UnsubscribesMidJourney));
            _stoppers.Add(context.Factory.StopsMidJourney(Cohort.ErasedMidJourney));
        }

        context.Shoppers.AddRange(_stoppers);
        context.Shoppers.AddRange(context.Factory.Standard());
        var stream = new ShopperStream(context.Shoppers, context.Producer, context.Timings);
        await Task.WhenAll([stream.Run(), .. _stoppers.Select(s => StopAfterRecoveryEmail(context, s))]);
        var inTime = _stoppers.Count(s => s.StoppedAt < s.DueAt(2, context.Timings));
        context.Check(inTime == _stoppers.Count, $"{inTime} of {_stoppers.Count} stops committed between the recovery email and the discount's due time");
    }

    protected override async Task Judge(ScenarioContext context, ScenarioResult result)
    {
        await base.Judge(context, result);
        foreach (var shopper in _stoppers)
        {
            var after = context.Relay.Accepted.Count(e => e.JourneyId == shopper.CartId && e.ReceivedAt > shopper.StoppedAt);
            if (after > 0)
            {
                result.Failures.Add($"{after} emails to {shopper.CustomerId} after the {shopper.Cohort} committed");
            }
        }

        foreach (var shopper in _stoppers.Where(s => s.Cohort == Cohort.ErasedMidJourney))
        {
            var tables = await context.Database.TablesMentioning(shopper.CustomerId);
            if (tables.Count > 0)
            {
                result.Failures.Add($"erased {shopper.CustomerId} still in {string.Join(", ", tables)}");
            }
        }

        context.Check(true, $"{_stoppers.Count(s => s.Cohort == Cohort.ErasedMidJourney)} erased customers searched for in every table of the database");
    }

    private static async Task StopAfterRecoveryEmail(ScenarioContext context, Shopper shopper)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (!context.Relay.Accepted.Any(e => e.JourneyId == shopper.CartId && e.Step == 1))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(50);
        }

        if (shopper.Cohort == Cohort.UnsubscribesMidJourney)
        {
            await context.Producer.Post([ShopEvents.Unsubscribed(shopper.CustomerId, DateTimeOffset.UtcNow)]);
            context.ExtraEvents++;
            while (!await context.Database.Unsubscribed(shopper))
            {
                await Task.Delay(25);
            }
        }
        else
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/customers/{shopper.CustomerId}/erase", UriKind.Relative));
            request.Headers.Add("X-Api-Key", ScenarioContext.ApiKey);
            using var response = await context.Instances[0].Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                context.FailedChecks.Add($"erasing {shopper.CustomerId} answered {(int)response.StatusCode}");
            }
        }

        shopper.StoppedAt = DateTimeOffset.UtcNow;
    }
}
