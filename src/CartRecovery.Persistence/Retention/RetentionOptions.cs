namespace CartRecovery.Persistence.Retention;

/// <summary>How long each kind of row is kept, bound from <c>Retention</c>. The defaults keep a year of reports.</summary>
public sealed record RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Off only while investigating: nothing is purged then.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How often the purge runs (a recurring maintenance job, on one instance of the cluster at a time).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Rows deleted per statement, so no purge holds locks or bloats a transaction for long.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Journeys that reached their end (Final) this long ago. A running journey is never purged.</summary>
    public TimeSpan EndedJourneys { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Products a customer viewed; recommendations look back 7 days.</summary>
    public TimeSpan ProductViews { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Email decisions, the answer to "why did or didn't this customer get that email", and the reports.</summary>
    public TimeSpan Decisions { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Send ledger rows, by when they were claimed; rows still waiting for the relay are kept.</summary>
    public TimeSpan Ledger { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Events refused by validation; their copies in the error queues are not touched.</summary>
    public TimeSpan RejectedEvents { get; init; } = TimeSpan.FromDays(90);
}
