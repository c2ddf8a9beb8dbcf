namespace CartRecovery.Dispatcher.Conversions;

/// <summary>The step an order was credited to, and in which group the customer was.</summary>
public sealed record ConversionCredit(Guid JourneyId, string Journey, int Step, string Treatment);
