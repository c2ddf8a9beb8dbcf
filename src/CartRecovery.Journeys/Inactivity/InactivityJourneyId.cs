using CartRecovery.Journeys.BrowseAbandonment;

namespace CartRecovery.Journeys.Inactivity;

/// <summary>One inactivity journey per customer: its id is derived from the customer id, so every kind of activity
/// finds it by id. The namespace differs from the browse journey's and is wire identity: never change it.</summary>
public static class InactivityJourneyId
{
    private static readonly Guid Namespace = new("c3e1a7d4-2f6b-4b8e-8d19-7a5c0e4f3b62");

    public static Guid For(string customerId) => NameBasedGuid.Create(Namespace, customerId);

    /// <summary>The id the emails of the customer's <paramref name="lapseNumber"/>-th lapse go out under. The
    /// dispatcher sends at most once per (journey id, step), and a customer can lapse again after coming back.</summary>
    public static Guid ForLapse(Guid journeyId, int lapseNumber) =>
        NameBasedGuid.Create(journeyId, NameBasedGuid.Join("lapse", lapseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
