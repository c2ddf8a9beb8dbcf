using CartRecovery.Persistence.Outbox;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Persistence.Retention;

/// <summary>Delivered inbox rows older than the duplicate-detection window (<c>Outbox:DuplicateDetectionWindow</c>):
/// a redelivery within it must still be recognised, so the window is the inbox's retention.</summary>
public sealed class InboxPurge(NpgsqlDataSource dataSource, IOptions<OutboxOptions> options) : IRetentionPurge
{
    private static readonly string Delete = BatchDelete.Sql("inbox_state", "delivered < @cutoff");

    public string Kind => "inbox";

    public Task<int> PurgeBatch(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        BatchDelete.Execute(dataSource, Delete, now - options.Value.DuplicateDetectionWindow, batchSize, cancellationToken);
}
