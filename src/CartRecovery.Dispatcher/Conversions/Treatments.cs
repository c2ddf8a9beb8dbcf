namespace CartRecovery.Dispatcher.Conversions;

/// <summary>Which group a converted customer was in for the step the order is credited to.</summary>
public static class Treatments
{
    /// <summary>The email was sent.</summary>
    public const string Treated = "treated";
    /// <summary>The email was held back on purpose (the control group), so its conversions show what happens anyway.</summary>
    public const string Holdout = "holdout";
}
