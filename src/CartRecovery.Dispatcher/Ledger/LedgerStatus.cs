namespace CartRecovery.Dispatcher.Ledger;

public static class LedgerStatus
{
    /// <summary>Claimed before SMTP. Still claimed later means in doubt: a crash between claim and acceptance.</summary>
    public const string Claimed = "claimed";
    public const string Sent = "sent";
}
