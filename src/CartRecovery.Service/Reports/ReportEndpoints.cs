using System.Globalization;
using CartRecovery.Service.Support;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartRecovery.Service.Reports;

public static class ReportEndpoints
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);
    private static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/journeys", Journeys).WithName("JourneyReport").RequireApiScope(ApiScopes.SupportRead)
            .WithSummary("Per journey kind and step: entered, emailed, suppressed by rule, converted, conversion rate, recovered revenue, median time from email to conversion, holdout against treated")
            .WithDescription("from and to are ISO 8601 instants or dates (UTC when no offset is given); to defaults to now, from to 30 days before to.");
        return api;
    }

    private static async Task<Results<Ok<JourneyReport>, ValidationProblem>> Journeys(
        JourneyReports reports, TimeProvider clock, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var errors = new Dictionary<string, string[]>();
        var end = Parse(to, "to", errors) ?? clock.GetUtcNow();
        var start = Parse(from, "from", errors) ?? end - DefaultPeriod;
        if (errors.Count == 0 && start >= end)
        {
            errors["from"] = ["from must be earlier than to."];
        }
        else if (errors.Count == 0 && end - start > LongestPeriod)
        {
            errors["from"] = [$"A report covers at most {LongestPeriod.TotalDays:0} days."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await reports.Build(start, end, cancellationToken));
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
