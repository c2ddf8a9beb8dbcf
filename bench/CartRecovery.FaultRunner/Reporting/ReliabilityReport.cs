using System.Globalization;
using System.Text;
using CartRecovery.FaultRunner.Shoppers;

namespace CartRecovery.FaultRunner.Reporting;

/// <summary>docs/reliability.md: the table, what each scenario saw of its own fault, and a note on every non-zero
/// cell.</summary>
internal static class ReliabilityReport
{
    public static string Render(IReadOnlyList<ScenarioResult> results, ScenarioTimings timings, bool quick, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("# Reliability under faults");
        Line();
        Line("Written by the fault runner (`dotnet run -c Release --project bench/CartRecovery.FaultRunner`); do not edit by hand.");
        Line(Invariant($"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? ", quick subset" : "")}, {elapsed.TotalMinutes:F1} minutes on {Environment.ProcessorCount} cores."));
        Line();
        Line("Each scenario starts the built service as its own process (two where the fault needs it) on a fresh database,");
        Line("behind loopback TCP proxies in front of the shared RabbitMQ and PostgreSQL, with the runner's own SMTP relay.");
        Line("Shoppers post to `POST /api/events` as a shop's producer does (batches, the same event ids again after a 503");
        Line("or a broken connection). The cohorts: abandoners (expect the recovery and the discount email), buyers within the");
        Line("idle window, unsubscribed shoppers and buyers whose order arrives before their cart's adds (expect none).");
        Line(Invariant($"Journey delays: idle {timings.IdleTimeout.TotalSeconds:F0} s, discount {timings.DiscountFollowUpDelay.TotalSeconds:F0} s later, expiry {timings.Expiry.TotalMinutes:F0} min (long, so that no fault's length decides whether a discount is due); the emails fall due inside the faults."));
        Line();
        Line("Counted per expected email (journey step, by the Message-ID the service derives from the ledger key): **lost** =");
        Line("neither received by the relay nor in doubt; **duplicated** = copies beyond the first, or a resend of a dropped send;");
        Line("**unexpected** = emails no shopper should get; **in doubt** = sends the ledger holds as claimed past twice the SMTP");
        Line("timeout; **error-queue messages** = messages in the vhost's `*_error` queues; **stuck** = cart journeys not final");
        Line("whose next timer (idle, discount or expiry) is more than 15 s overdue, i.e. a timer the fault lost;");
        Line("**recovery time** = from the end of the fault (relay or proxy back, process killed) until an");
        Line("instance is ready and every expected email that fell due before then has reached the relay.");
        Line();
        Line("| scenario | events | expected emails | delivered | lost | duplicated | unexpected | in doubt | error-queue messages | recovery time | stuck |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var recovery = r.RecoveryTime is { } t ? Invariant($"{t.TotalSeconds:F1} s") : "n/a (no outage)";
            Line(Invariant($"| {r.Id} {r.Title} | {r.Events} | {r.Expected} | {r.Delivered} | {r.Lost} | {r.Duplicated} | {r.Unexpected} | {r.InDoubt} | {r.ErrorQueueMessages} | {recovery} | {r.StuckJourneys} |"));
        }

        Line();
        Line("## The faults really happened");
        Line();
        foreach (var r in results)
        {
            Line(Invariant($"- **{r.Id}** ({r.Elapsed.TotalSeconds:F0} s): {string.Join("; ", r.Evidence)}."));
        }

        Line();
        Line("## Non-zero cells");
        Line();
        var notes = results.SelectMany(r => r.Notes.Select(n => $"- **{r.Id}**: {n}"))
            .Concat(results.Where(r => !r.Passed).Select(r => $"- **{r.Id} failed**: {string.Join("; ", r.Failures)}."))
            .ToList();
        if (notes.Count == 0)
        {
            Line("None.");
        }

        foreach (var note in notes)
        {
            Line(note);
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
