using CartRecovery.Journeys.PostPurchase;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CartRecovery.Persistence.Sagas;

public sealed class PostPurchaseStateMap : IEntityTypeConfiguration<PostPurchaseState>
{
    public void Configure(EntityTypeBuilder<PostPurchaseState> builder)
    {
        builder.MapJourneyState("post_purchase_state");
        builder.Property(x => x.Lines).AsJsonb("lines");
        builder.Property(x => x.Total).HasColumnName("total");
        builder.Property(x => x.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(x => x.StartedAt).HasColumnName("started_at");
        builder.Property(x => x.ShippedAt).HasColumnName("shipped_at");
        builder.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
        builder.Property(x => x.ShipmentEmailRequestedAt).HasColumnName("shipment_email_requested_at");
        builder.Property(x => x.ReviewEmailRequestedAt).HasColumnName("review_email_requested_at");
        builder.Property(x => x.CrossSellEmailRequestedAt).HasColumnName("cross_sell_email_requested_at");
        builder.Property(x => x.EndedAt).HasColumnName("ended_at");
        builder.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(32);
        builder.Property(x => x.ReviewRequestTokenId).HasColumnName("review_request_token_id");
        builder.Property(x => x.CrossSellTokenId).HasColumnName("cross_sell_token_id");
    }
}
