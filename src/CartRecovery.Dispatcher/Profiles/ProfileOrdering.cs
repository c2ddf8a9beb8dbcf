namespace CartRecovery.Dispatcher.Profiles;

/// <summary>
/// Which of two profile events wins, by event time (<c>OccurredAt</c>), never by arrival: conditions of an
/// <c>INSERT … ON CONFLICT DO UPDATE</c> on <c>customer_profile</c>, comparing the stored row with <c>excluded</c>.
/// Contact details follow the newest profile update; consent follows the newest consent event (a profile update or
/// an unsubscribe), and on a tie a withdrawal wins. A row that never saw such an event takes any.
/// </summary>
public static class ProfileOrdering
{
    public const string NewerDetails = """
        (customer_profile.profile_changed_at IS NULL OR excluded.profile_changed_at >= customer_profile.profile_changed_at)
        """;

    public const string NewerConsent = """
        (customer_profile.consent_changed_at IS NULL
         OR excluded.consent_changed_at > customer_profile.consent_changed_at
         OR (excluded.consent_changed_at = customer_profile.consent_changed_at AND NOT excluded.marketing_consent))
        """;
}
