namespace CartRecovery.Dispatcher.Ledger;

public enum ClaimResult
{
    Claimed,
    /// <summary>Another delivery of this step claimed it first (sent, or in doubt): do nothing.</summary>
    AlreadyClaimed,
    /// <summary>Consent was withdrawn after the policy decided: the unsubscribe wins.</summary>
    ConsentWithdrawn,
    /// <summary>The customer was erased and has not consented again since: the erasure wins.</summary>
    CustomerErased,
    /// <summary>Support cancelled the journey after the policy decided: the cancel wins.</summary>
    JourneyCancelled,
    /// <summary>An earlier step of the same journey waits for the relay or is on its way: this one waits behind it.</summary>
    EarlierStepPending,
    /// <summary>Re-checked under the customer's lock, the cap or a cooldown holds the email back: another email
    /// (sent, on its way, or a higher-priority contender) took the slot.</summary>
    HeldBack,
}
