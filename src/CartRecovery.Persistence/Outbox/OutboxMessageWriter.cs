using MassTransit;
using MassTransit.Context;

namespace CartRecovery.Persistence.Outbox;

/// <summary>Turns a send or publish into an outbox row that can be replayed byte for byte later.</summary>
public static class OutboxMessageWriter
{
    public static OutboxMessage ToRow<T>(SendContext<T> context, IObjectDeserializer serializer, InboxState inbox, DateTimeOffset now)
        where T : class
    {
        var messageId = context.MessageId
            ?? throw new MessageException(typeof(T), "The outbox needs a MessageId on every message it stores.");
        var body = context.Serializer.GetMessageBody(context);

        string? properties = null;
        if (context is TransportSendContext<T> transportContext)
        {
            var values = new Dictionary<string, object>();
            transportContext.WritePropertiesTo(values);
            properties = serializer.SerializeDictionary(values);
        }

        return new OutboxMessage
        {
            InboxMessageId = inbox.MessageId,
            InboxConsumerId = inbox.ConsumerId,
            MessageId = messageId,
            SentTime = context.SentTime.HasValue ? new DateTimeOffset(context.SentTime.Value, TimeSpan.Zero) : now,
            EnqueueTime = context.Delay.HasValue ? now + context.Delay.Value : null,
            ExpirationTime = context.TimeToLive.HasValue ? now + context.TimeToLive.Value : null,
            Headers = serializer.SerializeDictionary(context.Headers.GetAll()),
            Properties = properties,
            ContentType = (context.ContentType ?? context.Serialization.DefaultContentType).ToString(),
            MessageType = string.Join(";", context.SupportedMessageTypes),
            Body = body.GetString(),
            ConversationId = context.ConversationId,
            CorrelationId = context.CorrelationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress,
            DestinationAddress = context.DestinationAddress,
            ResponseAddress = context.ResponseAddress,
            FaultAddress = context.FaultAddress,
        };
    }
}
