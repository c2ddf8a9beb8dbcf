namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>A bounded memory of applied event ids. Producers retry; a cart rarely sees more than a few events
/// in flight, so a short window catches re-sends without growing the row.</summary>
public static class RecentEvents
{
    public const int Capacity = 32;

    /// <returns><c>true</c> when the id is new and was remembered; <c>false</c> for a re-sent event.</returns>
    public static bool TryRemember(List<Guid> recent, Guid eventId)
    {
        if (recent.Contains(eventId))
        {
            return false;
        }

        recent.Add(eventId);
        if (recent.Count > Capacity)
        {
            recent.RemoveAt(0);
        }

        return true;
    }
}
