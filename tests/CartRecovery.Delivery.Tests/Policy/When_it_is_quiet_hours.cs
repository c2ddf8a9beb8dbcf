using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Policy;

public sealed class When_it_is_quiet_hours
{
    private static ContactDecision DecideAt(DateTimeOffset now, string? timeZone, ContactPolicyOptions? options = null) =>
        Policies.With(options ?? new ContactPolicyOptions())
            .Decide(Policies.CartEmail(now), Policies.Customer(timeZone: timeZone), now);

    [Fact]
    public void Should_defer_to_eight_in_the_morning_in_berlin()
    {
        var decision = DecideAt(Moments.Utc(2026, 3, 10, 21, 14), "Europe/Berlin");
        Assert.Equal(ContactOutcomes.Deferred, decision.Outcome);
        Assert.Equal(ContactRules.QuietHours, decision.Rule);
        Assert.Equal(Moments.Utc(2026, 3, 11, 7, 0), decision.DeferUntil);
    }

    [Fact]
    public void Should_record_the_local_time_and_zone()
    {
        var decision = DecideAt(Moments.Utc(2026, 3, 10, 21, 14), "Europe/Berlin");
        Assert.Equal("22:14", decision.Values["localTime"]);
        Assert.Equal("Europe/Berlin", decision.Values["timeZone"]);
        Assert.Equal("21:00-08:00", decision.Values["quietHours"]);
    }

    [Fact]
    public void Should_defer_across_the_spring_forward_night_in_berlin()
    {
        // 23:00 CET on 28 March; clocks jump to summer time overnight, so 08:00 CEST is 06:00 UTC, not 07:00.
        var decision = DecideAt(Moments.Utc(2026, 3, 28, 22, 0), "Europe/Berlin");
        Assert.Equal(Moments.Utc(2026, 3, 29, 6, 0), decision.DeferUntil);
    }

    [Fact]
    public void Should_defer_across_the_fall_back_night_in_new_york()
    {
        // 22:00 EDT on 31 October; clocks fall back overnight, so 08:00 EST is 13:00 UTC, not 12:00.
        var decision = DecideAt(Moments.Utc(2026, 11, 1, 2, 0), "America/New_York");
        Assert.Equal(Moments.Utc(2026, 11, 1, 13, 0), decision.DeferUntil);
        Assert.Equal("22:00", decision.Values["localTime"]);
    }

    [Fact]
    public void Should_defer_across_the_spring_forward_night_in_new_york()
    {
        var decision = DecideAt(Moments.Utc(2026, 3, 8, 3, 0), "America/New_York");
        Assert.Equal(Moments.Utc(2026, 3, 8, 12, 0), decision.DeferUntil);
    }

    [Fact]
    public void Should_move_an_end_that_falls_into_the_skipped_hour_to_when_clocks_jump()
    {
        var options = new ContactPolicyOptions { QuietHoursEnd = new TimeOnly(2, 30) };
        // 00:30 CET on 29 March; 02:30 does not exist that night, clocks go from 02:00 CET to 03:00 CEST (01:00 UTC).
        var decision = DecideAt(Moments.Utc(2026, 3, 28, 23, 30), "Europe/Berlin", options);
        Assert.Equal(Moments.Utc(2026, 3, 29, 1, 0), decision.DeferUntil);
    }

    [Fact]
    public void Should_take_the_first_occurrence_of_an_end_that_falls_into_the_repeated_hour()
    {
        var options = new ContactPolicyOptions { QuietHoursEnd = new TimeOnly(1, 30) };
        // 23:00 EDT on 31 October; 01:30 happens twice that night, first at 05:30 UTC (EDT).
        var decision = DecideAt(Moments.Utc(2026, 11, 1, 3, 0), "America/New_York", options);
        Assert.Equal(Moments.Utc(2026, 11, 1, 5, 30), decision.DeferUntil);
    }

    [Fact]
    public void Should_wait_for_the_second_occurrence_when_the_first_has_passed()
    {
        var options = new ContactPolicyOptions { QuietHoursEnd = new TimeOnly(1, 30) };
        // 01:10 EST, the repeated hour: 01:30 EDT (05:30 UTC) is already behind us, 01:30 EST is 06:30 UTC.
        var decision = DecideAt(Moments.Utc(2026, 11, 1, 6, 10), "America/New_York", options);
        Assert.Equal(Moments.Utc(2026, 11, 1, 6, 30), decision.DeferUntil);
    }

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    [InlineData(12, 0, false)]
    public void Should_wrap_the_window_around_midnight(int hour, int minute, bool quiet)
    {
        var decision = DecideAt(Moments.Utc(2026, 6, 10, hour, minute), "UTC");
        Assert.Equal(quiet, decision.Rule == ContactRules.QuietHours);
    }

    [Theory]
    [InlineData(11, 59, false)]
    [InlineData(12, 0, true)]
    [InlineData(13, 59, true)]
    [InlineData(14, 0, false)]
    public void Should_keep_a_window_within_one_day(int hour, int minute, bool quiet)
    {
        var options = new ContactPolicyOptions { QuietHoursStart = new TimeOnly(12, 0), QuietHoursEnd = new TimeOnly(14, 0) };
        var decision = DecideAt(Moments.Utc(2026, 6, 10, hour, minute), "UTC", options);
        Assert.Equal(quiet, decision.Rule == ContactRules.QuietHours);
    }

    [Fact]
    public void Should_defer_to_the_end_on_the_same_day_after_midnight()
    {
        var decision = DecideAt(Moments.Utc(2026, 6, 10, 2, 0), "UTC");
        Assert.Equal(Moments.Utc(2026, 6, 10, 8, 0), decision.DeferUntil);
    }

    [Fact]
    public void Should_use_the_default_zone_when_the_customer_has_none_or_an_unknown_one()
    {
        var options = new ContactPolicyOptions { DefaultTimeZone = "America/New_York" };
        var none = DecideAt(Moments.Utc(2026, 6, 10, 2, 0), null, options);
        var unknown = DecideAt(Moments.Utc(2026, 6, 10, 2, 0), "Mars/Olympus_Mons", options);
        Assert.All([none, unknown], d =>
        {
            Assert.Equal("America/New_York", d.Values["timeZone"]);
            Assert.Equal("true", d.Values["timeZoneIsDefault"]);
            Assert.Equal(Moments.Utc(2026, 6, 10, 12, 0), d.DeferUntil);
        });
    }

    [Fact]
    public void Should_drop_the_email_when_quiet_hours_outlast_the_deferral_expiry()
    {
        var options = new ContactPolicyOptions { DeferralExpiry = TimeSpan.FromHours(4) };
        var decision = DecideAt(Moments.Utc(2026, 3, 10, 21, 14), "Europe/Berlin", options);
        Assert.Equal(ContactOutcomes.Suppressed, decision.Outcome);
        Assert.Equal(ContactRules.Expired, decision.Rule);
        Assert.Equal(ContactRules.QuietHours, decision.Values["deferredBy"]);
    }

    [Fact]
    public void Should_have_no_quiet_hours_when_start_equals_end()
    {
        var options = new ContactPolicyOptions { QuietHoursStart = new TimeOnly(0, 0), QuietHoursEnd = new TimeOnly(0, 0) };
        Assert.Equal(ContactRules.Allowed, DecideAt(Moments.Utc(2026, 6, 10, 0, 0), "UTC", options).Rule);
    }
}
