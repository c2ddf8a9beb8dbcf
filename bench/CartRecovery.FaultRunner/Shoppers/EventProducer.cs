using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CartRecovery.FaultRunner.Infrastructure;

namespace CartRecovery.FaultRunner.Shoppers;

/// <summary>Posts batches to <c>POST /api/events</c> like a shop's producer: on a 503 or a broken connection the
/// same body (the same event ids) goes again, to the next instance that answers, until it is accepted.</summary>
internal sealed class EventProducer(Func<IReadOnlyList<ServiceProcess>> instances, string apiKey)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(250);
    private int _turn;

    public int Retries { get; private set; }
    public int Posts { get; private set; }

    public async Task Post(IReadOnlyList<JsonObject> batch)
    {
        var body = new JsonArray([.. batch.Select(e => e.DeepClone())]);
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var all = instances();
            var instance = all[Interlocked.Increment(ref _turn) % all.Count];
            if (await TryPost(instance, body) is { } status)
            {
                if (status == HttpStatusCode.Accepted)
                {
                    Posts++;
                    return;
                }

                throw new InvalidOperationException($"{instance.Name} answered {(int)status} to a valid batch.");
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                throw new TimeoutException($"No instance accepted a batch within {Deadline}.");
            }

            Retries++;
            await Task.Delay(Backoff);
        }
    }

    /// <summary>Posts a body that must be refused as a whole (400), and answers whether it was.</summary>
    public async Task<bool> PostRejected(JsonArray body)
    {
        foreach (var instance in instances())
        {
            if (await TryPost(instance, body) is { } status)
            {
                return status == HttpStatusCode.BadRequest;
            }
        }

        return false;
    }

    /// <summary>The answer, or null when the producer must try again (503, refused or dropped connection).</summary>
    private async Task<HttpStatusCode?> TryPost(ServiceProcess instance, JsonArray body)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/events", UriKind.Relative))
            {
                Content = JsonContent.Create(body),
            };
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await instance.Http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.ServiceUnavailable ? null : response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
