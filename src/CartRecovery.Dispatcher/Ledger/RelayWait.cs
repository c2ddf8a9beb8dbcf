namespace CartRecovery.Dispatcher.Ledger;

/// <summary>A step the relay has not taken yet: how often it was tried and since when it waits.</summary>
public sealed record RelayWait(int Attempts, DateTimeOffset WaitingSince);
