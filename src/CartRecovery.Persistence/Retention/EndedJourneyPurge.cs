using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Persistence.Retention;

/// <summary>Journeys that ended (Final) longer ago than <c>Retention:EndedJourneys</c>, across the four journeys'
/// tables. A journey not in Final is never touched, whatever its dates say.</summary>
public sealed class EndedJourneyPurge(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options) : IRetentionPurge
{
    /// <summary>MassTransit's name of the final state, as the saga maps store it.</summary>
    public const string FinalState = "Final";

    private const string Ended = "current_state = @final AND ended_at < @cutoff";

    private static readonly string[] Deletes =
    [
        BatchDelete.Sql("cart_abandonment_state", Ended),
        BatchDelete.Sql("browse_abandonment_state", Ended),
        BatchDelete.Sql("post_purchase_state", Ended),
        BatchDelete.Sql("inactivity_state", Ended),
    ];

    public string Kind => "ended-journeys";

    public async Task<int> PurgeBatch(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        // Fills one batch across the tables in turn, so the caller's "a full batch means more" still holds.
        var deleted = 0;
        foreach (var delete in Deletes)
        {
            deleted += await BatchDelete.Execute(dataSource, delete, now - options.Value.EndedJourneys, batchSize - deleted,
                cancellationToken, ("final", FinalState));
            if (deleted == batchSize)
            {
                break;
            }
        }

        return deleted;
    }
}
