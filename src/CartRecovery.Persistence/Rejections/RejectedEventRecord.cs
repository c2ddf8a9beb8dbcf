namespace CartRecovery.Persistence.Rejections;

public sealed class RejectedEventRecord
{
    public long Id { get; set; }
    public Guid? MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Endpoint { get; set; }
    public required List<string> Errors { get; set; }
    public DateTimeOffset RejectedAt { get; set; }
}
