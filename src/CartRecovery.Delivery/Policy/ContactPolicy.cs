using CartRecovery.Delivery.Profiles;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Policy;

/// <summary>Decides whether, and when, a customer may be contacted: consent, holdout, frequency, quiet hours,
/// in that order. Transactional requests (<see cref="ContactRequest.IsMarketing"/> false) only need an address.</summary>
public sealed class ContactPolicy(IOptions<ContactPolicyOptions> options)
{
    private readonly ContactPolicyOptions _options = options.Value;

    public ContactDecision Decide(
        ContactRequest request,
        CustomerProfile? profile,
        IReadOnlyList<SentEmail> sentInLastWindowAcrossJourneys,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sentInLastWindowAcrossJourneys);

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["journey"] = request.Journey,
            ["step"] = DecisionValues.Of(request.Step),
            ["marketing"] = DecisionValues.Of(request.IsMarketing),
            ["profileKnown"] = DecisionValues.Of(profile is not null),
            ["hasEmail"] = DecisionValues.Of(!string.IsNullOrWhiteSpace(profile?.Email)),
        };

        if (profile is null)
        {
            return Suppress(ContactRules.Consent, "No customer profile is known, so there is no address and no consent.", values);
        }

        if (string.IsNullOrWhiteSpace(profile.Email))
        {
            return Suppress(ContactRules.Consent, "The customer profile has no email address.", values);
        }

        if (!request.IsMarketing)
        {
            return Send("Transactional email: only an address is needed.", values);
        }

        return CheckConsent(profile, values)
            ?? CheckHoldout(request, values)
            ?? CheckStaleness(request, now, values)
            ?? CheckCooldown(request, sentInLastWindowAcrossJourneys, now, values)
            ?? CheckFrequencyCap(sentInLastWindowAcrossJourneys, request, now, values)
            ?? CheckQuietHours(request, profile, now, values)
            ?? Send("No rule held the email back.", values);
    }

    /// <summary>Highest journey priority first, then the oldest request: when several deferred emails wake
    /// together, the first one takes the free slot.</summary>
    public IReadOnlyList<ContactRequest> Rank(IEnumerable<ContactRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return requests
            .OrderByDescending(PriorityOf)
            .ThenBy(r => r.RequestedAt)
            .ThenBy(r => r.JourneyId)
            .ThenBy(r => r.Step)
            .ToList();
    }

    /// <summary>Would this email take the customer's last free slot? Then it first waits the contention window, so
    /// that emails falling due together compete for the slot by priority instead of by arrival.</summary>
    public bool TakesLastSlot(IReadOnlyList<SentEmail> slotsInWindow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slotsInWindow);
        return _options.ContentionWindow > TimeSpan.Zero && CountedInWindow(slotsInWindow, now).Count + 1 >= _options.MaxMarketingEmails;
    }

    /// <summary>
    /// The re-check at the claim, made under the customer's lock: cooldown and cap against every email sent or on its
    /// way, plus the contenders that outrank this one (<see cref="Rank"/>), which take the free slots first. Null when
    /// the email may take a slot; otherwise the same deferral (or expiry) the policy gives a capped email.
    /// </summary>
    public ContactDecision? CheckSlot(
        ContactRequest request, IReadOnlyList<SentEmail> slotsInWindow, IReadOnlyList<ContactRequest> contenders, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(slotsInWindow);
        ArgumentNullException.ThrowIfNull(contenders);
        if (!request.IsMarketing)
        {
            return null;
        }

        var ranked = Rank([request, .. contenders.Where(c => c.CustomerId == request.CustomerId && c != request)]);
        var ahead = ranked.TakeWhile(c => c != request).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["journey"] = request.Journey,
            ["step"] = DecisionValues.Of(request.Step),
            ["priority"] = DecisionValues.Of(PriorityOf(request)),
            ["checkedAt"] = "claim",
            ["contendersAhead"] = DecisionValues.Of(ahead.Count),
        };
        // Outranking contenders count as if they had just taken their slots.
        SentEmail[] taken = [.. slotsInWindow, .. ahead.Select(c => new SentEmail(c.Journey, c.JourneyId, c.Step, now, c.IsMarketing))];
        return CheckCooldown(request, taken, now, values) ?? CheckFrequencyCap(taken, request, now, values);
    }

    public int PriorityOf(ContactRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _options.Priorities.GetValueOrDefault(request.Journey);
    }

    private static ContactDecision? CheckConsent(CustomerProfile profile, Dictionary<string, string> values)
    {
        values["unsubscribed"] = DecisionValues.Of(profile.Unsubscribed);
        values["marketingConsent"] = DecisionValues.Of(profile.MarketingConsent);
        if (profile.Unsubscribed)
        {
            return Suppress(ContactRules.Unsubscribed, "The customer unsubscribed from marketing email.", values);
        }

        return profile.MarketingConsent
            ? null
            : Suppress(ContactRules.Consent, "The customer has not consented to marketing email.", values);
    }

    private ContactDecision? CheckHoldout(ContactRequest request, Dictionary<string, string> values)
    {
        var percent = _options.HoldoutPercent.GetValueOrDefault(request.Journey);
        var bucket = HoldoutBucket.For(request.Journey, request.CustomerId);
        values["holdoutBucket"] = DecisionValues.Of(bucket);
        values["holdoutPercent"] = DecisionValues.Of(percent);
        return HoldoutBucket.IsHeldOut(bucket, percent)
            ? Suppress(ContactRules.Holdout,
                $"The customer is in the {DecisionValues.Of(percent)}% control group of {request.Journey} " +
                $"(bucket {DecisionValues.Of(bucket)} of {DecisionValues.Of(HoldoutBucket.Count)}); no email, to measure lift.",
                values)
            : null;
    }

    private ContactDecision? CheckStaleness(ContactRequest request, DateTimeOffset now, Dictionary<string, string> values)
    {
        var expiresAt = request.RequestedAt + _options.DeferralExpiry;
        values["expiresAt"] = DecisionValues.Of(expiresAt);
        return now > expiresAt
            ? Suppress(ContactRules.Expired,
                $"The email waited longer than {DecisionValues.Of(_options.DeferralExpiry)} since it was requested and is no longer relevant.",
                values)
            : null;
    }

    private ContactDecision? CheckCooldown(
        ContactRequest request, IReadOnlyList<SentEmail> sent, DateTimeOffset now, Dictionary<string, string> values)
    {
        if (!_options.Cooldowns.TryGetValue(request.Journey, out var cooldown) || cooldown <= TimeSpan.Zero)
        {
            return null;
        }

        values["cooldown"] = DecisionValues.Of(cooldown);
        // Follow-up steps of the same journey instance are spaced by the journey itself; the cooldown keeps
        // separate instances (another abandoned cart) from piling up.
        var last = sent
            .Where(s => s.Journey == request.Journey && s.JourneyId != request.JourneyId && s.SentAt > now - cooldown)
            .MaxBy(s => s.SentAt);
        if (last is null)
        {
            return null;
        }

        values["lastSentAt"] = DecisionValues.Of(last.SentAt);
        NameTheWinner(last, values);
        return Defer(request, ContactRules.Cooldown, last.SentAt + cooldown,
            $"A {request.Journey} email went out less than {DecisionValues.Of(cooldown)} ago.", values);
    }

    private ContactDecision? CheckFrequencyCap(
        IReadOnlyList<SentEmail> sent, ContactRequest request, DateTimeOffset now, Dictionary<string, string> values)
    {
        var counted = CountedInWindow(sent, now);
        values["sentInWindow"] = DecisionValues.Of(counted.Count);
        values["cap"] = DecisionValues.Of(_options.MaxMarketingEmails);
        values["window"] = DecisionValues.Of(_options.Window);
        if (counted.Count < _options.MaxMarketingEmails)
        {
            return null;
        }

        // The slot frees when enough of the oldest sends have left the window to bring the count under the cap.
        var freeingSend = counted[counted.Count - _options.MaxMarketingEmails].SentAt;
        var winner = counted[^1];
        NameTheWinner(winner, values);
        return Defer(request, ContactRules.FrequencyCap, freeingSend + _options.Window,
            $"The customer already has {DecisionValues.Of(counted.Count)} marketing emails sent or on their way in the last " +
            $"{DecisionValues.Of(_options.Window)}; the cap is {DecisionValues.Of(_options.MaxMarketingEmails)}. " +
            $"The latest slot went to {winner.Journey} {DecisionValues.Of(winner.JourneyId)}.",
            values);
    }

    /// <summary>Emails that count toward the cap, oldest first; among equal times the order given is kept.</summary>
    private List<SentEmail> CountedInWindow(IEnumerable<SentEmail> sent, DateTimeOffset now) =>
        [.. sent.Where(s => s.IsMarketing && s.SentAt > now - _options.Window).OrderBy(s => s.SentAt)];

    /// <summary>The email that took the slot, so support can see who won when two emails competed for it.</summary>
    private static void NameTheWinner(SentEmail winner, Dictionary<string, string> values)
    {
        values["takenByJourney"] = winner.Journey;
        values["takenByJourneyId"] = DecisionValues.Of(winner.JourneyId);
    }

    private ContactDecision? CheckQuietHours(
        ContactRequest request, CustomerProfile profile, DateTimeOffset now, Dictionary<string, string> values)
    {
        var zone = CustomerTimeZone.Resolve(profile.TimeZone, _options.DefaultTimeZone, out var usedDefault);
        var quiet = new QuietHours(_options.QuietHoursStart, _options.QuietHoursEnd);
        var localTime = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        values["timeZone"] = zone.Id;
        values["timeZoneIsDefault"] = DecisionValues.Of(usedDefault);
        values["localTime"] = DecisionValues.Of(localTime);
        values["quietHours"] = $"{DecisionValues.Of(quiet.Start)}-{DecisionValues.Of(quiet.End)}";
        if (!quiet.Contains(localTime))
        {
            return null;
        }

        return Defer(request, ContactRules.QuietHours, quiet.EndAfter(now, zone),
            $"It is {DecisionValues.Of(localTime)} for the customer ({zone.Id}), inside quiet hours " +
            $"{values["quietHours"]}.",
            values);
    }

    private ContactDecision Defer(
        ContactRequest request, string rule, DateTimeOffset until, string reason, Dictionary<string, string> values)
    {
        var expiresAt = request.RequestedAt + _options.DeferralExpiry;
        values["deferUntil"] = DecisionValues.Of(until);
        if (until > expiresAt)
        {
            values["deferredBy"] = rule;
            return Suppress(ContactRules.Expired,
                $"{reason} Waiting would pass the deferral expiry of {DecisionValues.Of(_options.DeferralExpiry)}, so the email is dropped.",
                values);
        }

        return new ContactDecision(ContactOutcomes.Deferred, rule, $"{reason} Deferred until {values["deferUntil"]}.", until, values);
    }

    private static ContactDecision Suppress(string rule, string reason, Dictionary<string, string> values) =>
        new(ContactOutcomes.Suppressed, rule, reason, null, values);

    private static ContactDecision Send(string reason, Dictionary<string, string> values) =>
        new(ContactOutcomes.Send, ContactRules.Allowed, reason, null, values);
}
