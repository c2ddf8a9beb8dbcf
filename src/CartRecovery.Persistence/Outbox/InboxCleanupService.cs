using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Persistence.Outbox;

/// <summary>Forgets delivered inbox rows once they are older than the duplicate-detection window, in small
/// batches that skip rows another instance is working on.</summary>
public sealed partial class InboxCleanupService(
    NpgsqlDataSource dataSource,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<InboxCleanupService> logger)
    : BackgroundService
{
    private const string DeleteBatchSql = """
        DELETE FROM inbox_state WHERE id IN (
            SELECT id FROM inbox_state
            WHERE delivered < @cutoff
            ORDER BY delivered
            LIMIT @batch
            FOR UPDATE SKIP LOCKED)
        """;

    public async Task<int> TrimOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(DeleteBatchSql);
            command.Parameters.AddWithValue("cutoff", clock.GetUtcNow() - settings.DuplicateDetectionWindow);
            command.Parameters.AddWithValue("batch", settings.CleanupBatchSize);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < settings.CleanupBatchSize)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await TrimOnceAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogTrimmed(deleted);
                }
            }
            catch (NpgsqlException ex)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox cleanup removed {Count} delivered rows")]
    private partial void LogTrimmed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox cleanup failed; will try again")]
    private partial void LogFailed(Exception exception);
}
