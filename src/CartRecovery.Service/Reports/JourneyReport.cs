namespace CartRecovery.Service.Reports;

/// <summary>How the journeys did over a period: per journey kind and step, with the holdout beside the treated.</summary>
public sealed record JourneyReport(
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan AttributionWindow,
    IReadOnlyList<JourneyKindReport> Journeys);
