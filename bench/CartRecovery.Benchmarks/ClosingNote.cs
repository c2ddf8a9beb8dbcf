using System.Globalization;
using System.Text;

namespace CartRecovery.Benchmarks;

/// <summary>Reads the counters of the median service run and names the biggest cost per event.</summary>
internal static class ClosingNote
{
    public static string Write(BenchResults results, ServiceRun median, IReadOnlyList<(string Area, double Calls, double Ms)> areas,
        double service, double mtUpsert, double mtNoop)
    {
        var inv = CultureInfo.InvariantCulture;
        var events = (double)median.Events;
        var sb = new StringBuilder();
        void P(FormattableString text) => sb.AppendLine(text.ToString(inv)).AppendLine();

        var totalMs = median.Statements.Sum(s => s.TotalMs);
        var byTime = median.Statements.OrderByDescending(s => s.TotalMs).FirstOrDefault();
        var quartzLock = median.Statements.FirstOrDefault(s =>
            s.Query.Contains("qrtz_LOCKS", StringComparison.OrdinalIgnoreCase) && s.Query.Contains("FOR UPDATE", StringComparison.OrdinalIgnoreCase));
        var transactionControl = areas.FirstOrDefault(a => a.Area.StartsWith("transaction", StringComparison.Ordinal));

        P($"The service moves {service:N0} events/s, {service / mtUpsert:P1} of a MassTransit consumer doing one upsert and {service / mtNoop:P1} of one doing nothing, with no faults ({string.Join(", ", results.Service.Select(s => s.Faults))}). It is not the broker, the serializer or the single write the journey needs: each published event costs {median.StatementsPerEvent:F1} PostgreSQL statements and {median.CommitsPerEvent:F1} commits (the baseline upsert costs 1 and 1), and {median.SelfCpuMsPer1000 / 1000:F1} ms of service CPU plus {median.PostgresCpuMsPer1000 / 1000:F1} ms of PostgreSQL CPU.");

        if (quartzLock is not null && byTime == quartzLock)
        {
            P($"**Biggest cost: the Quartz cluster lock taken inside every timer-touching message transaction.** `SELECT * FROM qrtz_LOCKS … FOR UPDATE` (the job store's TRIGGER_ACCESS row lock) runs {quartzLock.Calls / events:F2} times per event but accounts for {quartzLock.TotalMs / totalMs:P0} of all statement time ({quartzLock.TotalMs / events:F1} ms per event, {quartzLock.TotalMs / Math.Max(1, quartzLock.Calls):F0} ms per call — nearly all of it waiting). The saga's `Schedule`/`Unschedule` go into the Quartz tables in the message's own transaction (`QuartzTransactionParticipant` enlists it); they are written last, just before commit (`TimerWriteBuffer`), so the lock is held for the commit only, but every timer-touching commit in the cluster still queues on that one row. Three of the five events in the mix need it — the first add (arms idle + expiry), checkout (unschedules idle) and the order (unschedules all) — so those messages of *all* carts run one at a time across the 16 concurrent consumers (and across every instance of the cluster) while the other consumers wait on the lock with their own transactions open; the inbox bookkeeping around each attempt ({transactionControl.Calls:F0} transaction-control statements per event, {median.CommitsPerEvent:F0} commits) multiplies the statements, and throughput is bounded by the rate at which that row can be taken and released, one commit at a time.");
            P($"**What would remove it:** stop taking a global lock per cart event. (1) Keep timers in our own table keyed by saga (`journey_timer(saga_id, kind, due_at, token)`), written with the saga row under the row lock the repository already holds, and fire them with a poller that claims due rows with `FOR UPDATE SKIP LOCKED` — no shared lock row, so messages of different carts never wait for each other; Quartz would stay only for non-saga schedules. (2) Short of that, touch the scheduler less: arm only the idle timer on the first add and derive the expiry from `started_at` when it fires, and drop the explicit `Unschedule` on checkout/order (the saga already ignores a timer whose token it no longer expects), which leaves the lock on one event in five instead of three. Either change should bring the service toward the MT-upsert baseline's order of magnitude; the per-message inbox protocol (insert, lock, mark consumed, mark delivered: several short transactions per consume) is the next cost after that.");
        }
        else if (byTime is not null)
        {
            var serviceMs = median.SelfCpuMsPer1000 / 1000;
            var postgresMs = median.PostgresCpuMsPer1000 / 1000;
            var rabbitMs = median.RabbitCpuMsPer1000 / 1000;
            var ceiling = Environment.ProcessorCount * 1000 / (serviceMs + postgresMs + rabbitMs);
            P($"**Next biggest cost: {(postgresMs >= serviceMs ? "PostgreSQL's CPU" : "the service's own CPU")}.** {serviceMs:F1} ms per event in this process (service and producer), {postgresMs:F1} ms in PostgreSQL (of which the statements themselves execute in {totalMs / events:F2} ms; the rest is per-statement and per-round-trip work for {median.StatementsPerEvent:F1} statements per event) and {rabbitMs:F1} ms in RabbitMQ. All three share this box's {Environment.ProcessorCount} cores, so at {serviceMs + postgresMs + rabbitMs:F1} ms of CPU per event no setting of concurrency moves more than about {ceiling:N0} events/s. First deliveries of different customers share transactions, so a group of events costs two round trips to PostgreSQL between them (one locked load of every journey row its members concern, a statement per journey type, and one batch with every write and the COMMIT); a new journey's insert takes one more to claim its key, and the outbox rows of messages that sent something are forgotten in the background, many messages to a round trip. [profiling.md](profiling.md) shows where the service's time goes: MassTransit's pipe (each journey and projection on the endpoint runs its own saga or consumer pipe for the event), the RabbitMQ client and Npgsql, with {median.AllocatedKbPerEvent:N0} KB allocated per event.");
            P($"**Biggest cost by statement time:** `{byTime.Query[..Math.Min(120, byTime.Query.Length)]}` — {byTime.Calls / events:F2} calls and {byTime.TotalMs / events:F2} ms per event ({byTime.TotalMs / totalMs:P0} of statement time). By calls, the largest area is {areas[0].Area} ({areas[0].Calls:F1} per event).");
        }

        return sb.ToString().TrimEnd();
    }
}
