using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CartRecovery.Persistence.Rejections;

public sealed class RejectedEventRecordMap : IEntityTypeConfiguration<RejectedEventRecord>
{
    public void Configure(EntityTypeBuilder<RejectedEventRecord> builder)
    {
        builder.ToTable("rejected_event");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(x => x.MessageId).HasColumnName("message_id");
        builder.Property(x => x.MessageType).HasColumnName("message_type");
        builder.Property(x => x.Endpoint).HasColumnName("endpoint");
        builder.Property(x => x.Errors).HasColumnName("errors");
        builder.Property(x => x.RejectedAt).HasColumnName("rejected_at");
    }
}
