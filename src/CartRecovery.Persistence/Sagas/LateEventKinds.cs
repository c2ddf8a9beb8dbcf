namespace CartRecovery.Persistence.Sagas;

/// <summary>What arrived late and settled an email (<see cref="LateJourneyEvents"/>), as decisions name it.</summary>
public static class LateEventKinds
{
    public const string Order = "order";
    public const string Checkout = "checkout";
    public const string Emptied = "emptied";
    public const string Cancel = "cancel";
}
