namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>The experiments the cart journey can run; the names go on the journey, on the email request and into
/// every decision, and seed the customer's assignment.</summary>
public static class CartAbandonmentExperiments
{
    /// <summary>How long an idle cart waits for its recovery email (<see cref="CartAbandonmentOptions.RecoveryDelayVariants"/>).</summary>
    public const string RecoveryDelay = "cart-abandonment.recovery-delay";

    /// <summary>The experiment the journey takes part in, named on each of its emails so every decision records it.</summary>
    public static string? Of(CartAbandonmentState saga)
    {
        ArgumentNullException.ThrowIfNull(saga);
        return saga.Variant is null ? null : RecoveryDelay;
    }
}
