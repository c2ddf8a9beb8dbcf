using CartRecovery.Journeys.CartAbandonment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CartRecovery.Persistence.Sagas;

public sealed class CartAbandonmentStateMap : IEntityTypeConfiguration<CartAbandonmentState>
{
    public void Configure(EntityTypeBuilder<CartAbandonmentState> builder)
    {
        builder.MapJourneyState("cart_abandonment_state");
        builder.Property(x => x.Lines).AsJsonb("lines");
        builder.Property(x => x.StartedAt).HasColumnName("started_at");
        builder.Property(x => x.LastActivityAt).HasColumnName("last_activity_at");
        builder.Property(x => x.AbandonedAt).HasColumnName("abandoned_at");
        builder.Property(x => x.RecoveryEmailRequestedAt).HasColumnName("recovery_email_requested_at");
        builder.Property(x => x.DiscountEmailRequestedAt).HasColumnName("discount_email_requested_at");
        builder.Property(x => x.CheckoutStartedAt).HasColumnName("checkout_started_at");
        builder.Property(x => x.CheckoutEmailRequestedAt).HasColumnName("checkout_email_requested_at");
        builder.Property(x => x.Variant).HasColumnName("variant").HasMaxLength(32);
        builder.Property(x => x.DiscountPercent).HasColumnName("discount_percent");
        builder.Property(x => x.EndedAt).HasColumnName("ended_at");
        builder.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(32);
        builder.Property(x => x.OrderId).HasColumnName("order_id");
        builder.Property(x => x.RecentEventIds).HasColumnName("recent_event_ids");
        builder.Property(x => x.IdleTimeoutTokenId).HasColumnName("idle_timeout_token_id");
        builder.Property(x => x.CheckoutIdleTimeoutTokenId).HasColumnName("checkout_idle_timeout_token_id");
        builder.Property(x => x.DiscountFollowUpTokenId).HasColumnName("discount_follow_up_token_id");
        builder.Property(x => x.ExpiryTokenId).HasColumnName("expiry_token_id");
    }
}
