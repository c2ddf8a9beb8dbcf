using CartRecovery.Journeys.BrowseAbandonment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CartRecovery.Persistence.Sagas;

public sealed class BrowseAbandonmentStateMap : IEntityTypeConfiguration<BrowseAbandonmentState>
{
    public void Configure(EntityTypeBuilder<BrowseAbandonmentState> builder)
    {
        builder.MapJourneyState("browse_abandonment_state");
        builder.Property(x => x.Sku).HasColumnName("sku").HasMaxLength(64);
        builder.Property(x => x.Product).AsJsonb("product");
        builder.Property(x => x.StartedAt).HasColumnName("started_at");
        builder.Property(x => x.ViewedAt).AsJsonb("viewed_at");
        builder.Property(x => x.InterestShownAt).HasColumnName("interest_shown_at");
        builder.Property(x => x.EmailRequestedAt).HasColumnName("email_requested_at");
        builder.Property(x => x.EmailsRequested).HasColumnName("emails_requested");
        builder.Property(x => x.EmailJourneyId).HasColumnName("email_journey_id");
        builder.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(32);
        builder.Property(x => x.EndedAt).HasColumnName("ended_at");
        builder.Property(x => x.OrderId).HasColumnName("order_id");
        builder.Property(x => x.RecentEventIds).HasColumnName("recent_event_ids");
        builder.Property(x => x.QuietPeriodTokenId).HasColumnName("quiet_period_token_id");
        builder.Property(x => x.CooldownTokenId).HasColumnName("cooldown_token_id");
    }
}
