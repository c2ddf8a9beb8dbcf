using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CartRecovery.Persistence.Outbox;

public sealed class OutboxMessageMap : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_message");
        builder.HasKey(x => x.SequenceNumber);
        builder.Property(x => x.SequenceNumber).HasColumnName("sequence_number").UseIdentityAlwaysColumn();
        builder.Property(x => x.InboxMessageId).HasColumnName("inbox_message_id");
        builder.Property(x => x.InboxConsumerId).HasColumnName("inbox_consumer_id");
        builder.Property(x => x.MessageId).HasColumnName("message_id");
        builder.Property(x => x.EnqueueTime).HasColumnName("enqueue_time");
        builder.Property(x => x.SentTime).HasColumnName("sent_time");
        builder.Property(x => x.Headers).HasColumnName("headers");
        builder.Property(x => x.Properties).HasColumnName("properties");
        builder.Property(x => x.ContentType).HasColumnName("content_type");
        builder.Property(x => x.MessageType).HasColumnName("message_type");
        builder.Property(x => x.Body).HasColumnName("body");
        builder.Property(x => x.ConversationId).HasColumnName("conversation_id");
        builder.Property(x => x.CorrelationId).HasColumnName("correlation_id");
        builder.Property(x => x.InitiatorId).HasColumnName("initiator_id");
        builder.Property(x => x.RequestId).HasColumnName("request_id");
        builder.Property(x => x.SourceAddress).HasColumnName("source_address");
        builder.Property(x => x.DestinationAddress).HasColumnName("destination_address");
        builder.Property(x => x.ResponseAddress).HasColumnName("response_address");
        builder.Property(x => x.FaultAddress).HasColumnName("fault_address");
        builder.Property(x => x.ExpirationTime).HasColumnName("expiration_time");
    }
}
