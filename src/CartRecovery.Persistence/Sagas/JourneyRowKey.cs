namespace CartRecovery.Persistence.Sagas;

/// <summary>One journey row a message will load.</summary>
public readonly record struct JourneyRowKey(JourneyCorrelation Correlation, Guid Key);
