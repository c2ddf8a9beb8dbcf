namespace CartRecovery.Dispatcher.Ledger;

public sealed record LedgerEntry(string Status, DateTimeOffset ClaimedAt)
{
    /// <summary>A claim older than any send could take was cut off mid-send: the email is in doubt.</summary>
    public bool IsInDoubt(DateTimeOffset now, TimeSpan longestSend) =>
        Status == LedgerStatus.Claimed && now - ClaimedAt > longestSend;
}
