using CartRecovery.Dispatcher.Ledger;
using CartRecovery.Persistence.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Dispatcher.Retention;

/// <summary>Send ledger rows claimed longer ago than <c>Retention:Ledger</c>. A row still waiting for the relay is
/// live work and stays.</summary>
public sealed class LedgerPurge(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options) : IRetentionPurge
{
    private static readonly string Delete = BatchDelete.Sql("send_ledger", "claimed_at < @cutoff AND status <> @waiting");

    public string Kind => "ledger";

    public Task<int> PurgeBatch(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        BatchDelete.Execute(dataSource, Delete, now - options.Value.Ledger, batchSize, cancellationToken,
            ("waiting", LedgerStatus.Waiting));
}
