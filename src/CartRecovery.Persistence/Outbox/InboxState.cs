namespace CartRecovery.Persistence.Outbox;

public sealed class InboxState
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public Guid ConsumerId { get; set; }
    public Guid LockId { get; set; }
    public DateTimeOffset Received { get; set; }
    public int ReceiveCount { get; set; }
    public DateTimeOffset? ExpirationTime { get; set; }
    public DateTimeOffset? Consumed { get; set; }
    public DateTimeOffset? Delivered { get; set; }
    public long? LastSequenceNumber { get; set; }
}
