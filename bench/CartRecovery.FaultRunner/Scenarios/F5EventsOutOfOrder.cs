using CartRecovery.FaultRunner.Shoppers;

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>Every shopper's events arrive out of order, one request each: orders before cart adds, removes before
/// the adds they follow, the newer profile update (consent) before the older one (no consent), an unsubscribe
/// before the sign-up it withdraws.</summary>
internal sealed class F5EventsOutOfOrder : Scenario
{
    public override string Id => "F5";
    public override string Title => "events out of order (orders before adds, removes before adds, profile updates reordered)";

    protected override async Task Drive(ScenarioContext context)
    {
        await StreamWith(context, _ => Task.CompletedTask, scrambled: true);
        var abandoners = context.Shoppers.Where(s => s.Cohort == Cohort.Abandoner).ToList();
        context.Check(true, $"{abandoners.Count} removes and {abandoners.Count} older profile updates posted after what they precede; "
            + $"{context.Shoppers.Count(s => s.Cohort is Cohort.OutOfOrderBuyer)} orders before their carts' adds");
    }

    protected override async Task Judge(ScenarioContext context, Reporting.ScenarioResult result)
    {
        await base.Judge(context, result);
        var abandoners = context.Shoppers.Where(s => s.Cohort == Cohort.Abandoner).ToList();
        var newest = await context.Database.Count(
            "SELECT count(*) FROM customer_profile WHERE customer_id = ANY(@ids) AND first_name = 'Newer' AND marketing_consent",
            ("ids", abandoners.Select(s => s.CustomerId).ToArray()));
        if (newest != abandoners.Count)
        {
            result.Failures.Add($"only {newest} of {abandoners.Count} profiles kept the newer update when the older arrived last");
        }
    }
}
