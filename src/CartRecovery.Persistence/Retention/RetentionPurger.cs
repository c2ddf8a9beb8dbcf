using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Persistence.Retention;

/// <summary>Runs every kind's purge, batch after batch until a batch comes back short, each batch its own
/// statement outside any message transaction. Answers how many rows of each kind went.</summary>
public sealed partial class RetentionPurger(
    IEnumerable<IRetentionPurge> purges,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionPurger> logger)
{
    public async Task<IReadOnlyDictionary<string, int>> PurgeAll(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        var now = clock.GetUtcNow();
        var purged = new Dictionary<string, int>();
        foreach (var purge in purges)
        {
            var total = 0;
            var batches = 0;
            int deleted;
            do
            {
                deleted = await purge.PurgeBatch(now, batchSize, cancellationToken);
                total += deleted;
                batches++;
            }
            while (deleted == batchSize);

            purged[purge.Kind] = total;
            if (total > 0)
            {
                LogPurged(purge.Kind, total, batches);
            }
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purged {Count} {Kind} rows in {Batches} batches")]
    private partial void LogPurged(string kind, int count, int batches);
}
