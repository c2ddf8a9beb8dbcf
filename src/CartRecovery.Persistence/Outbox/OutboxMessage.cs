namespace CartRecovery.Persistence.Outbox;

/// <summary>A message as the consumer sent it: serialized body, envelope fields and headers, waiting for the
/// delivery pass that follows the commit.</summary>
public sealed class OutboxMessage
{
    public long SequenceNumber { get; set; }
    public Guid InboxMessageId { get; set; }
    public Guid InboxConsumerId { get; set; }
    public Guid MessageId { get; set; }
    public DateTimeOffset? EnqueueTime { get; set; }
    public DateTimeOffset SentTime { get; set; }
    public string? Headers { get; set; }
    public string? Properties { get; set; }
    public required string ContentType { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public Guid? ConversationId { get; set; }
    public Guid? CorrelationId { get; set; }
    public Guid? InitiatorId { get; set; }
    public Guid? RequestId { get; set; }
    public Uri? SourceAddress { get; set; }
    public Uri? DestinationAddress { get; set; }
    public Uri? ResponseAddress { get; set; }
    public Uri? FaultAddress { get; set; }
    public DateTimeOffset? ExpirationTime { get; set; }
}
