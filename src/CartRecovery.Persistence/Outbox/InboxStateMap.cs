using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CartRecovery.Persistence.Outbox;

public sealed class InboxStateMap : IEntityTypeConfiguration<InboxState>
{
    public void Configure(EntityTypeBuilder<InboxState> builder)
    {
        builder.ToTable("inbox_state");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(x => x.MessageId).HasColumnName("message_id");
        builder.Property(x => x.ConsumerId).HasColumnName("consumer_id");
        builder.HasAlternateKey(x => new { x.MessageId, x.ConsumerId });
        builder.Property(x => x.LockId).HasColumnName("lock_id");
        builder.Property(x => x.Received).HasColumnName("received");
        builder.Property(x => x.ReceiveCount).HasColumnName("receive_count");
        builder.Property(x => x.ExpirationTime).HasColumnName("expiration_time");
        builder.Property(x => x.Consumed).HasColumnName("consumed");
        builder.Property(x => x.Delivered).HasColumnName("delivered");
        builder.Property(x => x.LastSequenceNumber).HasColumnName("last_sequence_number");
    }
}
