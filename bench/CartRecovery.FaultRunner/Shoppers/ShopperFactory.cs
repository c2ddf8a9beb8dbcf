using System.Globalization;
using CartRecovery.FaultRunner.Infrastructure;

namespace CartRecovery.FaultRunner.Shoppers;

/// <summary>Writes each cohort's script. With <c>scrambled</c> (F5) every shopper's events arrive out of order:
/// orders before cart adds, removes before the adds they follow, profile updates newest first.</summary>
internal sealed class ShopperFactory(string scenarioId, ScenarioTimings timings)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private int _next;

    public List<Shopper> Standard(bool scrambled = false)
    {
        var shoppers = new List<Shopper>();
        for (var i = 0; i < timings.ShoppersPerCohort; i++)
        {
            shoppers.Add(Abandoner(scrambled));
            shoppers.Add(Buyer());
            shoppers.Add(Unsubscribed(scrambled));
            shoppers.Add(OutOfOrderBuyer());
        }

        return shoppers;
    }

    public Shopper Abandoner(bool scrambled = false)
    {
        var shopper = New(Cohort.Abandoner, 1, 2);
        var at = DateTimeOffset.UtcNow;
        if (scrambled)
        {
            // The newer profile (consent) arrives before the older one (no consent): consent must hold.
            shopper.Groups.Add([ShopEvents.Profile(shopper.CustomerId, at.AddSeconds(1), consent: true, firstName: "Newer")]);
            shopper.Groups.Add([ShopEvents.Profile(shopper.CustomerId, at, consent: false, firstName: "Older")]);
            shopper.Groups.Add([ShopEvents.ItemRemoved(shopper, "SKU-B", at.AddSeconds(4))]);
            shopper.Groups.Add([ShopEvents.ItemAdded(shopper, "SKU-A", at.AddSeconds(2))]);
            shopper.Groups.Add([ShopEvents.ItemAdded(shopper, "SKU-B", at.AddSeconds(3))]);
            return shopper;
        }

        shopper.Groups.Add([ShopEvents.Profile(shopper.CustomerId, at), ShopEvents.ItemAdded(shopper, "SKU-A", at)]);
        shopper.Groups.Add([ShopEvents.ItemAdded(shopper, "SKU-B", at.AddSeconds(1))]);
        return shopper;
    }

    /// <summary>Profile, adds and the order in one request: the order is within the window however late the
    /// request gets through.</summary>
    public Shopper Buyer()
    {
        var shopper = New(Cohort.Buyer);
        var at = DateTimeOffset.UtcNow;
        shopper.Groups.Add(
        [
            ShopEvents.Profile(shopper.CustomerId, at), ShopEvents.ItemAdded(shopper, "SKU-A", at),
            ShopEvents.ItemAdded(shopper, "SKU-B", at.AddSeconds(1)), ShopEvents.OrderPlaced(shopper, at.AddSeconds(2)),
        ]);
        return shopper;
    }

    public Shopper Unsubscribed(bool scrambled = false)
    {
        var shopper = New(Cohort.Unsubscribed);
        var at = DateTimeOffset.UtcNow;
        if (scrambled)
        {
            shopper.Groups.Add([ShopEvents.Unsubscribed(shopper.CustomerId, at.AddSeconds(2))]);
            shopper.Groups.Add([ShopEvents.Profile(shopper.CustomerId, at)]);
            shopper.Groups.Add([ShopEvents.ItemAdded(shopper, "SKU-A", at.AddSeconds(1))]);
            return shopper;
        }

        shopper.Groups.Add(
        [
            ShopEvents.Profile(shopper.CustomerId, at), ShopEvents.ItemAdded(shopper, "SKU-A", at),
            ShopEvents.Unsubscribed(shopper.CustomerId, at.AddSeconds(1)),
        ]);
        return shopper;
    }

    public Shopper OutOfOrderBuyer()
    {
        var shopper = New(Cohort.OutOfOrderBuyer);
        var at = DateTimeOffset.UtcNow;
        shopper.Groups.Add([ShopEvents.Profile(shopper.CustomerId, at), ShopEvents.OrderPlaced(shopper, at.AddSeconds(2))]);
        shopper.Groups.Add([ShopEvents.ItemAdded(shopper, "SKU-A", at)]);
        shopper.Groups.Add([ShopEvents.ItemAdded(shopper, "SKU-B", at.AddSeconds(1))]);
        return shopper;
    }

    /// <summary>An abandoner who gets the recovery email and then stops (unsubscribes or is erased) before the
    /// discount falls due.</summary>
    public Shopper StopsMidJourney(Cohort cohort)
    {
        var shopper = New(cohort, 1);
        var at = DateTimeOffset.UtcNow;
        shopper.Groups.Add([ShopEvents.Profile(shopper.CustomerId, at), ShopEvents.ItemAdded(shopper, "SKU-A", at)]);
        return shopper;
    }

    private Shopper New(Cohort cohort, params int[] expectedSteps)
    {
        var number = Interlocked.Increment(ref _next).ToString("D3", CultureInfo.InvariantCulture);
        return new Shopper($"{scenarioId.ToLowerInvariant()}-{_run}-{cohort.ToString().ToLowerInvariant()}-{number}", cohort, expectedSteps);
    }
}
