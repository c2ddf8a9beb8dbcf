using System.Globalization;

namespace CartRecovery.Service.Support;

/// <summary>The <c>from</c>/<c>to</c> query of the reporting endpoints: ISO 8601 instants or dates (UTC when no offset
/// is given), <c>to</c> defaulting to now and <c>from</c> to a default period before it; errors name the parameter.</summary>
public static class PeriodQuery
{
    public static (DateTimeOffset From, DateTimeOffset To, Dictionary<string, string[]> Errors) Read(
        string? from, string? to, DateTimeOffset now, TimeSpan defaultPeriod, TimeSpan? longestPeriod = null)
    {
        var errors = new Dictionary<string, string[]>();
        var end = Parse(to, "to", errors) ?? now;
        var start = Parse(from, "from", errors) ?? end - defaultPeriod;
        if (errors.Count == 0 && start >= end)
        {
            errors["from"] = ["from must be earlier than to."];
        }
        else if (errors.Count == 0 && longestPeriod is { } longest && end - start > longest)
        {
            errors["from"] = [$"A report covers at most {longest.TotalDays:0} days."];
        }

        return (start, end, errors);
    }

    private static DateTimeOffset? Parse(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.ToUniversalTime();
        }

        errors[name] = [$"'{value}' is not an ISO 8601 date or instant, e.g. 2026-11-01 or 2026-11-01T00:00:00Z."];
        return null;
    }
}
