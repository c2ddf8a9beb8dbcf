using System.Diagnostics.Metrics;
using CartRecovery.Dispatcher.Sending;
using CartRecovery.Journeys.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Service.Telemetry;

/// <summary>Read at scrape time from the ledger itself: emails claimed but never confirmed (in doubt).</summary>
public sealed class LedgerGauges
{
    public LedgerGauges(IMeterFactory meterFactory, NpgsqlDataSource dataSource, IOptions<SmtpOptions> smtp)
    {
        var meter = meterFactory.Create(CartRecoveryMetrics.MeterName);
        meter.CreateObservableGauge("cartrecovery.ledger.in_doubt", () => CountInDoubt(dataSource, 2 * smtp.Value.Timeout),
            description: "Emails claimed before SMTP and never confirmed; never resent, reported for a human");
    }

    private static long CountInDoubt(NpgsqlDataSource dataSource, TimeSpan longestSend)
    {
        try
        {
            using var command = dataSource.CreateCommand(
                "SELECT count(*) FROM send_ledger WHERE status = 'claimed' AND claimed_at < now() - @longest");
            command.Parameters.AddWithValue("longest", longestSend);
            command.CommandTimeout = 2;
            return (long)command.ExecuteScalar()!;
        }
        catch (NpgsqlException)
        {
            // A scrape must not fail because the database is away; the health endpoint reports that.
            return -1;
        }
    }
}
