namespace CartRecovery.Delivery.Templates;

public static class EmailLanguages
{
    /// <summary>The language every step has templates in; a customer whose language has none reads this one.</summary>
    public const string Default = "en";
}
