namespace CartRecovery.Dispatcher.Cancellations;

/// <summary>What support did that stops an email request before the contact policy is asked.</summary>
public enum SupportStop
{
    None,
    /// <summary>The customer was erased after the email was requested.</summary>
    CustomerErased,
    /// <summary>Support cancelled the journey the email belongs to.</summary>
    JourneyCancelled,
}
