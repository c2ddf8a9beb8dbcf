using System.Text;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using RabbitMQ.Client;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>A contract as an earlier version, or any producer without MassTransit, puts it on the wire: MassTransit's
/// JSON envelope, persistent.</summary>
public static class RawEnvelope
{
    public static BasicProperties Properties() => new() { ContentType = "application/vnd.masstransit+json", Persistent = true };

    public static byte[] Body<T>(T message)
        where T : class =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            messageId = NewId.NextGuid(),
            messageType = new[] { $"urn:message:{typeof(T).Namespace}:{typeof(T).Name}" },
            message,
            sentTime = DateTime.UtcNow,
            headers = new Dictionary<string, object>(),
        }, SystemTextJsonMessageSerializer.Options));
}
