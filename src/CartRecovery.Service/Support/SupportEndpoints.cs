using CartRecovery.Dispatcher.Erasure;
using CartRecovery.Service.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartRecovery.Service.Support;

public static class SupportEndpoints
{
    private const int MaxPageSize = 100;

    public static RouteGroupBuilder MapSupport(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{customerId}/journeys", ForCustomer).WithName("CustomerJourneys").RequireApiScope(ApiScopes.SupportRead)
            .WithSummary("Every journey of a customer: state, next timer, and why each email was or was not sent");
        api.MapGet("/journeys/{id:guid}", ById).WithName("Journey").RequireApiScope(ApiScopes.SupportRead).WithSummary("One journey instance");
        api.MapGet("/carts/{cartId:guid}", (Guid cartId, JourneyQueries queries, CancellationToken cancellationToken) => ById(cartId, queries, cancellationToken)).WithName("CartJourney").RequireApiScope(ApiScopes.SupportRead).WithSummary("A cart's journey");
        api.MapPost("/journeys/{id:guid}/cancel", Cancel).WithName("CancelJourney").RequireApiScope(ApiScopes.SupportAct)
            .WithSummary("Ends the journey at once: its timers are removed and no further email goes out");
        api.MapPost("/customers/{customerId}/erase", Erase).WithName("EraseCustomer").RequireApiScope(ApiScopes.SupportAct)
            .WithSummary("GDPR erasure: ends journeys and pending sends, deletes or pseudonymises personal data; idempotent");
        return api;
    }

    private static async Task<Ok<ErasureReport>> Erase(string customerId, CustomerEraser eraser, SupportAudit audit,
        CustomerPseudonym pseudonyms, HttpContext http, CancellationToken cancellationToken)
    {
        var actor = ApiCaller.Of(http).Name;
        var pseudonym = pseudonyms.Of(customerId);
        ErasureReport report;
        try
        {
            report = await eraser.Erase(customerId, cancellationToken);
        }
        catch
        {
            await audit.Record(actor, SupportActions.Erase, pseudonym, SupportActions.Failed);
            throw;
        }

        await audit.Record(actor, SupportActions.Erase, pseudonym, SupportActions.Erased);
        return TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<JourneyPage>, ValidationProblem>> ForCustomer(
        string customerId, JourneyQueries queries, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["page"] = [$"page starts at 1; pageSize is between 1 and {MaxPageSize}."],
            });
        }

        return TypedResults.Ok(await queries.ForCustomer(customerId, page, pageSize, cancellationToken));
    }

    private static async Task<Results<Ok<JourneyView>, NotFound>> ById(Guid id, JourneyQueries queries, CancellationToken cancellationToken) =>
        await queries.ById(id, cancellationToken) is { } journey ? TypedResults.Ok(journey) : TypedResults.NotFound();

    private static async Task<Results<Accepted, NotFound, ProblemHttpResult>> Cancel(Guid id, JourneyQueries queries,
        JourneyCanceller canceller, SupportAudit audit, HttpContext http, CancellationToken cancellationToken)
    {
        var actor = ApiCaller.Of(http).Name;
        var target = id.ToString();
        if (await queries.ById(id, cancellationToken) is not { } journey)
        {
            await audit.Record(actor, SupportActions.Cancel, target, SupportActions.NotFound);
            return TypedResults.NotFound();
        }

        if (!journey.IsRunning)
        {
            await audit.Record(actor, SupportActions.Cancel, target, SupportActions.AlreadyEnded);
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The journey has already ended.",
                detail: $"The {journey.Journey} journey ended with outcome '{journey.Outcome}'; there is nothing left to cancel.");
        }

        try
        {
            await canceller.Cancel(journey, becauseErased: false, cancellationToken);
        }
        catch
        {
            await audit.Record(actor, SupportActions.Cancel, target, SupportActions.Failed);
            throw;
        }

        await audit.Record(actor, SupportActions.Cancel, target, SupportActions.Accepted);
        return TypedResults.Accepted($"/api/journeys/{id}");
    }
}
