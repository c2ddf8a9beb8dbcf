namespace CartRecovery.Journeys;

/// <summary>One email a journey can ask for: its journey name, step number and template key.</summary>
public sealed record JourneyStep(string Journey, int Number, string Name);
