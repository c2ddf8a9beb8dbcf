using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Posts events to <c>POST /api/events</c> the way a shop's producer does: the same event ids again after a
/// 503 or a broken connection, until accepted or the deadline passes.</summary>
public sealed class ShopProducer(HttpClient http)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // A producer backs off between attempts rather than hammering a service that just said 503.
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(250);

    public int Retries { get; private set; }

    public async Task Post(string type, object @event)
    {
        var body = JsonSerializer.SerializeToNode(@event, @event.GetType(), JsonSerializerOptions.Web)!.AsObject();
        body["type"] = type;
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(new Uri("/api/events", UriKind.Relative), body);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    response.EnsureSuccessStatusCode();
                    return;
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < until)
            {
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                throw new TimeoutException($"The service did not accept a {type} event within {Deadline}.");
            }

            Retries++;
            await Task.Delay(RetryBackoff);
        }
    }
}
