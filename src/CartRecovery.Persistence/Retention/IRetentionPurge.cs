namespace CartRecovery.Persistence.Retention;

/// <summary>One kind of row that ages out. Each lives in the project that owns its table.</summary>
public interface IRetentionPurge
{
    /// <summary>Names the kind in logs and reports, e.g. "decisions".</summary>
    string Kind { get; }

    /// <summary>Deletes at most <paramref name="batchSize"/> rows too old at <paramref name="now"/>, in its own
    /// statement; answers how many went.</summary>
    Task<int> PurgeBatch(DateTimeOffset now, int batchSize, CancellationToken cancellationToken);
}
