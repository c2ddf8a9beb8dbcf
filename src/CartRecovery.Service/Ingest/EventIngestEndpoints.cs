using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using CartRecovery.Service.Support;
using Microsoft.Extensions.Options;

namespace CartRecovery.Service.Ingest;

public static class EventIngestEndpoints
{
    /// <summary><c>POST /api/events</c>: 202 once every event is confirmed by the broker, 400 naming each invalid
    /// field (nothing of an invalid batch is published), 503 when the broker does not confirm in time.</summary>
    public static RouteGroupBuilder MapEventIngest(this RouteGroupBuilder api)
    {
        api.MapPost("/events", Ingest)
            .WithName("IngestEvents")
            .RequireApiScope(ApiScopes.Ingest)
            .WithSummary("Publish one shop event or an array of up to 1,000")
            .Accepts<JsonElement>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Accepted<IngestAccepted>, ValidationProblem, ProblemHttpResult>> Ingest(
        HttpRequest request, EventBatchParser parser, IBus bus, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"Malformed JSON: {ex.Message}"] });
        }

        var (events, errors) = await parser.Parse(body, options.Value.MaxBatchSize, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some events are invalid; none were accepted.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            // The message id is the producer's event id: a replay is recognised downstream and applied once.
            await Task.WhenAll(events.Select(e =>
                bus.Publish(e.Message, e.MessageType, c => c.MessageId = e.EventId, timeout.Token).WaitAsync(timeout.Token)));
        }
        catch (Exception ex) when (ex is OperationCanceledException or MassTransitException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(
                title: "The message broker did not confirm the events; nothing is guaranteed accepted. Retry with the same event ids.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Accepted((string?)null, new IngestAccepted(events.Count));
    }
}
