namespace CartRecovery.FaultRunner.Shoppers;

/// <summary>The short journey delays a scenario configures, so recovery and discount emails fall due inside its
/// fault, and how much traffic it drives. The expiry stays long: a fault that holds timers back (an outage, a
/// restart, a slow box) must not let it end a journey before its discount, or the expected emails would depend on
/// the fault's length.</summary>
internal sealed record ScenarioTimings
{
    public required TimeSpan IdleTimeout { get; init; }
    public required TimeSpan DiscountFollowUpDelay { get; init; }
    public required TimeSpan Expiry { get; init; }
    public required int ShoppersPerCohort { get; init; }
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>New shoppers per tick, so the stream lasts a while instead of arriving in one request.</summary>
    public int ArrivalsPerTick { get; init; } = 2;

    public static ScenarioTimings Quick => new()
    {
        IdleTimeout = TimeSpan.FromSeconds(3),
        DiscountFollowUpDelay = TimeSpan.FromSeconds(6),
        Expiry = TimeSpan.FromMinutes(10),
        ShoppersPerCohort = 3,
        Tick = TimeSpan.FromMilliseconds(300),
        ArrivalsPerTick = 3,
    };

    public static ScenarioTimings Full => new()
    {
        IdleTimeout = TimeSpan.FromSeconds(8),
        DiscountFollowUpDelay = TimeSpan.FromSeconds(8),
        Expiry = TimeSpan.FromMinutes(10),
        ShoppersPerCohort = 6,
    };
}
