namespace CartRecovery.Delivery.Policy;

/// <summary>A daily local-time window, [start, end), that may wrap midnight. Equal bounds mean no window.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly localTime)
    {
        if (Start == End)
        {
            return false;
        }

        return Start < End
            ? localTime >= Start && localTime < End
            : localTime >= Start || localTime < End;
    }

    /// <summary>The first instant after <paramref name="now"/> at which the window ends in <paramref name="zone"/>.
    /// Call only while <see cref="Contains"/> is true for the local time of <paramref name="now"/>.</summary>
    public DateTimeOffset EndAfter(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (Start > End && TimeOnly.FromDateTime(local.DateTime) >= Start)
        {
            endDate = endDate.AddDays(1);
        }

        var endLocal = endDate.ToDateTime(End, DateTimeKind.Unspecified);
        return LocalToInstants(endLocal, zone).FirstOrDefault(instant => instant > now, now);
    }

    /// <summary>Every instant at which clocks in <paramref name="zone"/> show <paramref name="local"/>, earliest
    /// first. A time skipped by a spring-forward change maps to the moment clocks jump past it; a time repeated
    /// by a fall-back change maps to both occurrences.</summary>
    private static IEnumerable<DateTimeOffset> LocalToInstants(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsAmbiguousTime(local))
        {
            return zone.GetAmbiguousTimeOffsets(local)
                .Select(offset => new DateTimeOffset(local, offset).ToUniversalTime())
                .Order();
        }

        if (zone.IsInvalidTime(local))
        {
            // The offset just before the gap maps the wall time past the jump; the jump itself is the earliest
            // instant whose local reading is at or after the requested time.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var pastTheJump = new DateTimeOffset(local, before).ToUniversalTime();
            var jump = pastTheJump;
            while (TimeZoneInfo.ConvertTime(jump.AddMinutes(-1), zone).DateTime >= local)
            {
                jump = jump.AddMinutes(-1);
            }

            return [jump];
        }

        return [new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime()];
    }
}
