namespace CartRecovery.Delivery.Policy;

/// <summary>The rule that decided a <see cref="ContactDecision"/>, in the order the policy applies them.</summary>
public static class ContactRules
{
    public const string Consent = "consent";
    public const string Unsubscribed = "unsubscribed";
    public const string Holdout = "holdout";
    public const string Cooldown = "cooldown";
    public const string FrequencyCap = "frequency-cap";
    public const string QuietHours = "quiet-hours";
    public const string Expired = "expired";
    /// <summary>The email would take the last free slot and waits for the contention window, so the highest
    /// priority among emails falling due together gets the slot.</summary>
    public const string LastSlotContest = "last-slot-contest";
    public const string Allowed = "allowed";

    /// <summary>Not a policy rule: the email is held for the settle window after its request, so that late events
    /// (an order, a checkout, a cancel) can still stop it.</summary>
    public const string SettleWindow = "settle-window";
    /// <summary>Not a policy rule: an order, checkout or cancel reached the journey after the email was requested.</summary>
    public const string SettledByLateEvent = "settled-by-late-event";

    /// <summary>Not a policy rule: support cancelled the journey, so none of its emails goes out.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>Not a policy rule: the customer was erased while this email waited.</summary>
    public const string Erased = "erased";
    /// <summary>Not a policy rule: the SMTP relay was unreachable or answered "not now" (4xx).</summary>
    public const string RelayUnavailable = "relay-unavailable";
    /// <summary>Not a policy rule: an earlier step of the same journey still waits for the relay.</summary>
    public const string EarlierStepWaiting = "earlier-step-waiting";
    /// <summary>Not a policy rule: the SMTP relay refused the email for good (5xx).</summary>
    public const string RelayRejected = "relay-rejected";
}
