namespace CartRecovery.Service.Reports;

/// <summary>
/// One step of one journey kind. A step is entered when a journey requests its email; the request then ends sent,
/// suppressed by a rule, in doubt, or is still pending (deferred). Conversions are orders credited to the step
/// within the attribution window; the headline figures are the treated group's, the holdout is the control.
/// </summary>
public sealed record JourneyStepReport
{
    public required int Step { get; init; }
    public required string StepName { get; init; }
    public required int Entered { get; init; }
    public required int Emailed { get; init; }
    public required IReadOnlyDictionary<string, int> SuppressedByRule { get; init; }
    public required int InDoubt { get; init; }
    public required int Pending { get; init; }
    /// <summary>Emails the settle window saved: an order, checkout or cancel reached the journey after the request
    /// and before the email left (also counted in <see cref="SuppressedByRule"/>).</summary>
    public required int SettledByLateEvent { get; init; }
    public required int Converted { get; init; }
    /// <summary>Converted per emailed; null when nothing was emailed.</summary>
    public required double? ConversionRate { get; init; }
    /// <summary>Order totals credited to sent emails, per currency.</summary>
    public required IReadOnlyDictionary<string, decimal> RecoveredRevenue { get; init; }
    public required TimeSpan? MedianTimeFromEmailToConversion { get; init; }
    public required TreatmentGroupReport Treated { get; init; }
    public required TreatmentGroupReport Holdout { get; init; }
    /// <summary>Treated minus holdout conversion rate; null until both groups have members.</summary>
    public required double? Uplift { get; init; }
}
