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
        var midJourney = await Task.WhenAll([.. _stoppers.Select(s => StopAfterRecoveryEmail(context, s)), stream.Run().ContinueWith(_ => true, TaskScheduler.Default)]);
        var stopped = midJourney.Take(_stoppers.Count).Count(running => running);
        context.Check(stopped == _stoppers.Count, $"{stopped} of {_stoppers.Count} stops committed after the recovery email, mid-journey");
        var early = _stoppers.Count(s => s.ExpectedSteps.Contains(2));
        if (early > 0)
        {
            context.Log($"{early} discount emails went out before their stop committed (expected for those shoppers)");
        }
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

    /// <summary>Stops the shopper once the recovery email is in; answers whether the journey was still running.</summary>
    private static async Task<bool> StopAfterRecoveryEmail(ScenarioContext context, Shopper shopper)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (!context.Relay.Accepted.Any(e => e.JourneyId == shopper.CartId && e.Step == 1))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                return false;
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
        if (context.Relay.Accepted.Any(e => e.JourneyId == shopper.CartId && e.Step == 2 && e.ReceivedAt <= shopper.StoppedAt))
        {
            shopper.AlsoExpect(2);
        }

        return true;
    }
}
