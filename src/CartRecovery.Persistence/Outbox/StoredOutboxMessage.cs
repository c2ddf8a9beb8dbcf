using MassTransit;
using MassTransit.Metadata;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace CartRecovery.Persistence.Outbox;

/// <summary>An outbox row read back for delivery, with its headers and transport properties deserialized.</summary>
public sealed class StoredOutboxMessage(OutboxMessage row, IObjectDeserializer deserializer) : OutboxMessageContext
{
    private readonly Headers _headers = deserializer.DeserializeDictionary<object?>(row.Headers) is { } headers
        ? new DictionarySendHeaders(headers!)
        : EmptyHeaders.Instance;

    public long SequenceNumber => row.SequenceNumber;
    public Guid MessageId => row.MessageId;
    Guid? MessageContext.MessageId => row.MessageId;
    public string ContentType => row.ContentType;
    public string MessageType => row.MessageType;
    public string Body => row.Body;

    public IReadOnlyDictionary<string, object> Properties { get; } =
        deserializer.DeserializeDictionary<object>(row.Properties) ?? new Dictionary<string, object>();

    public Guid? RequestId => row.RequestId;
    public Guid? CorrelationId => row.CorrelationId;
    public Guid? ConversationId => row.ConversationId;
    public Guid? InitiatorId => row.InitiatorId;
    public DateTime? ExpirationTime => row.ExpirationTime?.UtcDateTime;
    public Uri? SourceAddress => row.SourceAddress;
    public Uri? DestinationAddress => row.DestinationAddress;
    public Uri? ResponseAddress => row.ResponseAddress;
    public Uri? FaultAddress => row.FaultAddress;
    public DateTime? SentTime => row.SentTime.UtcDateTime;
    public Headers Headers => _headers;
    public HostInfo Host => HostMetadataCache.Host;
}
