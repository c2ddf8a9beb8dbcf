using CartRecovery.Persistence.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Dispatcher.Retention;

/// <summary>Email decisions taken longer ago than <c>Retention:Decisions</c>.</summary>
public sealed class DecisionPurge(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options) : IRetentionPurge
{
    private static readonly string Delete = BatchDelete.Sql("email_decision", "decided_at < @cutoff");

    public string Kind => "decisions";

    public Task<int> PurgeBatch(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        BatchDelete.Execute(dataSource, Delete, now - options.Value.Decisions, batchSize, cancellationToken);
}
