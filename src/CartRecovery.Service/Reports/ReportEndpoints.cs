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
        var (start, end, errors) = PeriodQuery.Read(from, to, clock.GetUtcNow(), DefaultPeriod, LongestPeriod);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await reports.Build(start, end, cancellationToken));
    }
}
