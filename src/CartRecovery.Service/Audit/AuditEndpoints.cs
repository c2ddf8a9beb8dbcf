using System.Globalization;
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
        var errors = new Dictionary<string, string[]>();
        var end = Parse(to, "to", errors) ?? clock.GetUtcNow();
        var start = Parse(from, "from", errors) ?? end - DefaultPeriod;
        if (errors.Count == 0 && start >= end)
        {
            errors["from"] = ["from must be earlier than to."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await audit.List(start, end, cancellationToken));
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
