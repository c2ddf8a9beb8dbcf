using CartRecovery.FaultRunner.Infrastructure;
using CartRecovery.FaultRunner.Scenarios;

namespace CartRecovery.FaultRunner.Reporting;

/// <summary>Counts, per expected email (journey step), what the relay took and what the database says.</summary>
internal static class Tally
{
    public static async Task<ScenarioResult> Count(ScenarioContext context, string title, TimeSpan? recovery, TimeSpan elapsed)
    {
        var expected = context.Shoppers.SelectMany(s => s.ExpectedEmails).ToHashSet();
        var accepted = context.Relay.Accepted.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Count());
        var dropped = context.Relay.Dropped.Select(e => e.Key).ToHashSet();
        var inDoubt = (await context.Database.InDoubt(ScenarioContext.LongestSend)).ToHashSet();

        var result = new ScenarioResult
        {
            Id = context.Id,
            Title = title,
            Events = context.EventsSent,
            Expected = expected.Count,
            Delivered = expected.Count(accepted.ContainsKey),
            Lost = expected.Count(k => !accepted.ContainsKey(k) && !inDoubt.Contains(k)),
            // A copy beyond the first, or any copy of a send the relay dropped (it must never be resent).
            Duplicated = accepted.Where(a => expected.Contains(a.Key)).Sum(a => a.Value - 1 + (dropped.Contains(a.Key) ? 1 : 0)),
            Unexpected = accepted.Where(a => !expected.Contains(a.Key)).Sum(a => a.Value)
                + dropped.Count(k => !expected.Contains(k)),
            InDoubt = inDoubt.Count,
            ErrorQueueMessages = await context.Broker.ErrorQueueMessages(),
            StuckJourneys = await context.Database.StuckCartJourneys(context.Timings),
            RecoveryTime = recovery,
            Elapsed = elapsed,
            Evidence = [.. context.Evidence],
            Failures = [.. context.FailedChecks],
        };

        foreach (var (what, value) in new (string, long)[]
                 {
                     ("lost", result.Lost), ("duplicated", result.Duplicated), ("unexpected", result.Unexpected),
                     ("stuck journeys", result.StuckJourneys),
                 })
        {
            if (value != 0)
            {
                result.Failures.Add($"{value} {what}");
            }
        }

        foreach (var key in expected.Where(k => !accepted.ContainsKey(k) && !inDoubt.Contains(k)).Take(5))
        {
            var shopper = context.Shoppers.First(s => s.CartId == key.JourneyId);
            context.Log($"lost: {shopper.Cohort} {shopper.CustomerId} step {key.Step} (cart {key.JourneyId})");
        }

        foreach (var email in context.Relay.Accepted.Where(e => !expected.Contains(e.Key)).Take(5))
        {
            var shopper = context.Shoppers.FirstOrDefault(s => s.CartId == email.JourneyId);
            context.Log($"unexpected: {shopper?.Cohort.ToString() ?? "unknown journey"} {shopper?.CustomerId} step {email.Step} at {email.ReceivedAt:HH:mm:ss.fff}");
        }

        return result;
    }
}
