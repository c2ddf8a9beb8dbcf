namespace CartRecovery.Benchmarks.Scale;

/// <summary>How big the seeded database is and how hard each scale measurement pushes. Four journey kinds add up to
/// <see cref="Journeys"/>; every running journey holds its real timer tokens, and those timers add up to a million.</summary>
internal sealed record ScalePlan
{
    public int Customers { get; init; } = 150_000;
    public int Carts { get; init; } = 400_000;
    public int Browses { get; init; } = 250_000;
    public int Orders { get; init; } = 200_000;

    /// <summary>One win-back journey per customer, as in the service.</summary>
    public int Inactivities => Customers;

    public int Journeys => Carts + Browses + Orders + Inactivities;

    /// <summary>Carts per ingest measurement, after a warm-up of <see cref="WarmUpCarts"/>; measured on the empty and
    /// on the seeded database alternately, <see cref="IngestRounds"/> times each.</summary>
    public int IngestCarts { get; init; } = 100;
    public int WarmUpCarts { get; init; } = 10;
    public int IngestRounds { get; init; } = 2;

    public int LookupCallers { get; init; } = 50;
    public int LookupWarmUp { get; init; } = 500;
    public int LookupRequests { get; init; } = 20_000;
    public TimeSpan LookupFor { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a support agent looks at an answer before the next lookup, on average (0.5–1.5× at random).
    /// The target is measured with it; a second round without it (every caller asking again at once) gives the
    /// lookups' capacity, where latency is only callers ÷ throughput.</summary>
    public TimeSpan LookupThinkTime { get; init; } = TimeSpan.FromSeconds(1);

    public int DueTimers { get; init; } = 10_000;
}
