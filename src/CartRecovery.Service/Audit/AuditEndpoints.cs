using CartRecovery.Service.Support;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartRecovery.Service.Audit;

public static class AuditEndpoints
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithName("SupportAudit").RequireApiScope(ApiScopes.SupportRead)
            .WithSummary("Support actions (cancel, erase): who (the API key's name), what, on which target, when, with what result")
            .WithDescription("from and to are ISO 8601 instants or dates (UTC when no offset is given); to defaults to now, from to 30 days before to. Erased customers appear by pseudonym only.");
        return api;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> List(
        SupportAudit audit, TimeProvider clock, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var (start, end, errors) = PeriodQuery.Read(from, to, clock.GetUtcNow(), DefaultPeriod);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await audit.List(start, end, cancellationToken));
    }
}
