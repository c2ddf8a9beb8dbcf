using CartRecovery.Journeys;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using RabbitMQ.Client;

namespace CartRecovery.Service.Operations;

/// <summary>One message of an error queue: which it is, the queue it goes back to, and why it failed there.</summary>
public sealed record ErrorQueueMessage(
    string? MessageId,
    string? MessageType,
    string DestinationQueue,
    string? Reason,
    string? ExceptionType,
    string? FaultMessage)
{
    /// <param name="sourceQueue">The error queue's name without <c>_error</c>: where the message goes back to when
    /// it does not name the queue it failed on.</param>
    public static ErrorQueueMessage From(BasicGetResult delivery, string sourceQueue)
    {
        var properties = delivery.BasicProperties;
        return new ErrorQueueMessage(
            properties.MessageId,
            EnvelopeMessageType(properties, delivery.Body)
                ?? properties.HeaderText(MessageHeaders.FaultMessageType)
                ?? properties.Type
                ?? properties.ContentType,
            Current(QueueOf(properties.HeaderText(MessageHeaders.FaultInputAddress)) ?? sourceQueue),
            properties.HeaderText(MessageHeaders.Reason),
            properties.HeaderText(MessageHeaders.FaultExceptionType),
            properties.HeaderText(MessageHeaders.FaultMessage));
    }

    /// <summary>Messages that failed on a queue customer-events has since replaced go back to customer-events.</summary>
    private static string Current(string queue) =>
        LegacyEventQueues.IsLegacy(queue) ? JourneyEndpoints.CustomerEventsQueue : queue;

    /// <summary>The queue an input address such as <c>rabbitmq://host/vhost/cart-abandonment</c> names: its last segment.</summary>
    private static string? QueueOf(string? inputAddress) =>
        Uri.TryCreate(inputAddress, UriKind.Absolute, out var address)
        && address.Segments is [.., var last]
        && last.Trim('/') is { Length: > 0 } queue
            ? Uri.UnescapeDataString(queue)
            : null;

    private static string? EnvelopeMessageType(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        if (properties.ContentType != SystemTextJsonMessageSerializer.JsonContentType.MediaType)
        {
            return null;
        }

        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("messageType", out var types)
                && types is { ValueKind: JsonValueKind.Array }
                && types.GetArrayLength() > 0
                    ? types[0].GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
