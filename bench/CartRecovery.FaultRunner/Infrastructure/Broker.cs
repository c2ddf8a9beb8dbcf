using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CartRecovery.FaultRunner.Infrastructure;

/// <summary>The runner's view of its virtual host: queue names from the management API (so error queues are found by
/// their suffix, whatever the service names its endpoints), exact counts over AMQP, and raw publishes for messages no
/// well-behaved producer would send.</summary>
internal sealed class Broker(RunnerEnvironment environment) : IDisposable
{
    public const string ErrorSuffix = "_error";

    private readonly HttpClient _management = CreateManagementClient(environment);

    public async Task<IReadOnlyList<string>> QueueNames()
    {
        var vhost = Uri.EscapeDataString(environment.VirtualHost);
        var queues = await _management.GetFromJsonAsync<JsonElement>(new Uri($"api/queues/{vhost}?columns=name", UriKind.Relative));
        return [.. queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!)];
    }

    /// <summary>Ready and unacknowledged messages per queue, exact (passive declares, not the management sampler).</summary>
    public async Task<IReadOnlyDictionary<string, uint>> Depths(Func<string, bool> which)
    {
        await using var connection = await Connect("fault-runner-depths");
        var depths = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var queue in (await QueueNames()).Where(which))
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                depths[queue] = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            }
            catch (OperationInterruptedException)
            {
                // deleted meanwhile
            }
        }

        return depths;
    }

    public async Task<long> ErrorQueueMessages() =>
        (await Depths(q => q.EndsWith(ErrorSuffix, StringComparison.Ordinal))).Values.Sum(v => (long)v);

    /// <summary>Messages waiting in the service's own queues (not error or skipped queues).</summary>
    public async Task<long> Backlog() =>
        (await Depths(q => !q.EndsWith(ErrorSuffix, StringComparison.Ordinal) && !q.EndsWith("_skipped", StringComparison.Ordinal)))
        .Values.Sum(v => (long)v);

    /// <summary>Creates the virtual host when missing and lets the configured user use it (idempotent).</summary>
    public async Task EnsureVirtualHost()
    {
        var vhost = Uri.EscapeDataString(environment.VirtualHost);
        using var created = await _management.PutAsJsonAsync(new Uri($"api/vhosts/{vhost}", UriKind.Relative), new { });
        created.EnsureSuccessStatusCode();
        var user = Uri.EscapeDataString(Uri.UnescapeDataString(environment.RabbitMq.UserInfo.Split(':')[0]));
        using var granted = await _management.PutAsJsonAsync(new Uri($"api/permissions/{vhost}/{user}", UriKind.Relative),
            new { configure = ".*", write = ".*", read = ".*" });
        granted.EnsureSuccessStatusCode();
    }

    /// <summary>Every scenario starts on an empty virtual host: no message of an earlier scenario reaches this one.</summary>
    public async Task PurgeAll()
    {
        var vhost = Uri.EscapeDataString(environment.VirtualHost);
        foreach (var queue in await QueueNames())
        {
            using var response = await _management.DeleteAsync(new Uri($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}/contents", UriKind.Relative));
        }
    }

    /// <summary>The fault reason each error-queue message carries (MassTransit's MT-Fault-Message or MT-Reason
    /// header), looked at without taking the messages away.</summary>
    public async Task<IReadOnlyList<string?>> ErrorReasons()
    {
        var vhost = Uri.EscapeDataString(environment.VirtualHost);
        var reasons = new List<string?>();
        foreach (var queue in (await QueueNames()).Where(q => q.EndsWith(ErrorSuffix, StringComparison.Ordinal)))
        {
            using var response = await _management.PostAsJsonAsync(
                new Uri($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}/get", UriKind.Relative),
                new { count = 1000, ackmode = "ack_requeue_true", encoding = "auto", truncate = 2000 });
            response.EnsureSuccessStatusCode();
            var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var message in messages.EnumerateArray())
            {
                var headers = message.GetProperty("properties").TryGetProperty("headers", out var h) ? h : default;
                reasons.Add(headers.ValueKind == JsonValueKind.Object
                    && (headers.TryGetProperty("MT-Fault-Message", out var reason) || headers.TryGetProperty("MT-Reason", out reason))
                    ? reason.ToString()
                    : null);
            }
        }

        return reasons;
    }

    /// <summary>Publishes a body as it is to a message type's exchange, the way a broken producer would.</summary>
    public async Task PublishRaw(string messageType, string contentType, string body)
    {
        await using var connection = await Connect("fault-runner-poison");
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            ContentType = contentType,
            MessageId = Guid.NewGuid().ToString(),
            Persistent = true,
        };
        await channel.BasicPublishAsync($"CartRecovery.Contracts:{messageType}", "", mandatory: false, properties, Encoding.UTF8.GetBytes(body));
    }

    public void Dispose() => _management.Dispose();

    private async Task<IConnection> Connect(string name) =>
        await new ConnectionFactory { Uri = environment.RabbitMq, ClientProvidedName = name }.CreateConnectionAsync();

    private static HttpClient CreateManagementClient(RunnerEnvironment environment)
    {
        var user = environment.RabbitMq.UserInfo.Split(':', 2);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.UnescapeDataString(user[0])}:{Uri.UnescapeDataString(user.ElementAtOrDefault(1) ?? "")}"));
        var client = new HttpClient { BaseAddress = environment.RabbitManagement, Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return client;
    }
}
