namespace CartRecovery.Service.Ingest;

/// <summary>Bound from <c>Ingest</c>.</summary>
public sealed record IngestOptions
{
    public const string SectionName = "Ingest";

    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>How long a request waits for the broker to confirm before answering 503.</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
