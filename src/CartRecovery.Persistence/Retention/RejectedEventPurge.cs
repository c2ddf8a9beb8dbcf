using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Persistence.Retention;

/// <summary>Rejected events recorded longer ago than <c>Retention:RejectedEvents</c>.</summary>
public sealed class RejectedEventPurge(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options) : IRetentionPurge
{
    private static readonly string Delete = BatchDelete.Sql("rejected_event", "rejected_at < @cutoff");

    public string Kind => "rejected-events";

    public Task<int> PurgeBatch(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        BatchDelete.Execute(dataSource, Delete, now - options.Value.RejectedEvents, batchSize, cancellationToken);
}
