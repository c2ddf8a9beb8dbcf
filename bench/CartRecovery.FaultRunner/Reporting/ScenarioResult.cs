namespace CartRecovery.FaultRunner.Reporting;

/// <summary>One row of the reliability table, and what stands behind it.</summary>
internal sealed record ScenarioResult
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Events { get; init; }
    public required int Expected { get; init; }
    public required int Delivered { get; init; }
    public required int Lost { get; init; }
    public required int Duplicated { get; init; }
    public required int Unexpected { get; init; }
    public required int InDoubt { get; init; }
    public required long ErrorQueueMessages { get; init; }
    public required long StuckJourneys { get; init; }
    public required TimeSpan? RecoveryTime { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required IReadOnlyList<string> Evidence { get; init; }
    public required List<string> Failures { get; init; }

    /// <summary>Why a cell that may be non-zero is (F6's poison in the error queues, F11's dropped sends).</summary>
    public List<string> Notes { get; init; } = [];

    public bool Passed => Failures.Count == 0;
}
