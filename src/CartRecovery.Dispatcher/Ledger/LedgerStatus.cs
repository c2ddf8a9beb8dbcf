namespace CartRecovery.Dispatcher.Ledger;

public static class LedgerStatus
{
    /// <summary>Claimed before SMTP. Still claimed later means in doubt: a crash between claim and acceptance.</summary>
    public const string Claimed = "claimed";
    public const string Sent = "sent";

    /// <summary>The relay could not take it (unreachable or 4xx): it keeps its place and is tried again, and the
    /// journey's later steps wait behind it.</summary>
    public const string Waiting = "waiting";

    /// <summary>The relay refused it for good (5xx); never tried again.</summary>
    public const string Rejected = "rejected";
}
