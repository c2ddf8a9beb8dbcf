namespace CartRecovery.FaultRunner.Infrastructure;

/// <summary>A send the ledger holds as claimed and never confirmed, and when the service claimed it.</summary>
internal readonly record struct InDoubtClaim(EmailKey Key, DateTimeOffset ClaimedAt);
