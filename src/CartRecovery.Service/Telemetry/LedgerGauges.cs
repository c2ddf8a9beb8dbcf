using System.Diagnostics.Metrics;
using CartRecovery.Dispatcher.Ledger;
using CartRecovery.Dispatcher.Sending;
using CartRecovery.Journeys.Telemetry;
using CartRecovery.Persistence.Outbox;
using CartRecovery.Scheduling;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Service.Telemetry;

/// <summary>Read at scrape time from the tables themselves: emails in doubt, emails waiting for the relay, and
/// messages waiting for redelivery because a dependency was away.</summary>
public sealed class LedgerGauges
{
    public LedgerGauges(IMeterFactory meterFactory, SendLedger ledger, TimerTable timers, UndeliveredOutboxSweeper outbox,
        IOptions<SmtpOptions> smtp)
    {
        var meter = meterFactory.Create(CartRecoveryMetrics.MeterName);
        meter.CreateObservableGauge("cartrecovery.ledger.in_doubt", () => Read(() => ledger.CountInDoubt(2 * smtp.Value.Timeout)),
            description: "Emails claimed before SMTP and never confirmed; never resent, reported for a human");
        meter.CreateObservableGauge("cartrecovery.emails.waiting_for_relay", () => Read(ledger.CountWaiting),
            description: "Emails the SMTP relay could not take yet (unreachable or 4xx); tried again with backoff");
        meter.CreateObservableGauge("cartrecovery.messages.waiting_for_redelivery", () => Read(timers.CountRedeliveries),
            description: "Messages that failed because a dependency was away, scheduled to be delivered again");
        meter.CreateObservableGauge("cartrecovery.outbox.undelivered", () => Read(outbox.CountWaiting),
            description: "Messages committed with their event and not yet delivered to the broker; the sweeper sends those left behind");
        meter.CreateObservableGauge("cartrecovery.timers.dead", () => Read(timers.CountDead),
            description: "Timers whose message could not be read, kept in dead_timer with the reason");
    }

    private static long Read(Func<long> count)
    {
        try
        {
            return count();
        }
        catch (NpgsqlException)
        {
            // A scrape must not fail because the database is away; the health endpoint reports that.
            return -1;
        }
    }
}
