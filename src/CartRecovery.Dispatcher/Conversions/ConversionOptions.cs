namespace CartRecovery.Dispatcher.Conversions;

/// <summary>How orders are credited to journey emails, bound from <c>Conversions</c>.</summary>
public sealed record ConversionOptions
{
    public const string SectionName = "Conversions";

    /// <summary>An order counts as converted by the last email (or holdout suppression) at most this long before it.</summary>
    public TimeSpan AttributionWindow { get; init; } = TimeSpan.FromDays(7);
}
