using CartRecovery.Journeys.Inactivity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CartRecovery.Persistence.Sagas;

public sealed class InactivityStateMap : IEntityTypeConfiguration<InactivityState>
{
    public void Configure(EntityTypeBuilder<InactivityState> builder)
    {
        builder.MapJourneyState("inactivity_state");
        builder.Property(x => x.StartedAt).HasColumnName("started_at");
        builder.Property(x => x.LastActivityAt).HasColumnName("last_activity_at");
        builder.Property(x => x.Lapses).HasColumnName("lapses");
        builder.Property(x => x.LapseJourneyId).HasColumnName("lapse_journey_id");
        builder.Property(x => x.LapsedAt).HasColumnName("lapsed_at");
        builder.Property(x => x.ReEngagementEmailRequestedAt).HasColumnName("re_engagement_email_requested_at");
        builder.Property(x => x.WinBackEmailRequestedAt).HasColumnName("win_back_email_requested_at");
        builder.Property(x => x.WinBackDiscountPercent).HasColumnName("win_back_discount_percent");
        builder.Property(x => x.UnengagedAt).HasColumnName("unengaged_at");
        builder.Property(x => x.ReengagedAt).HasColumnName("reengaged_at");
        builder.Property(x => x.Outcome).HasColumnName("outcome");
        builder.Property(x => x.EndedAt).HasColumnName("ended_at");
        builder.Property(x => x.RecentEventIds).HasColumnName("recent_event_ids");
        builder.Property(x => x.InactivityTokenId).HasColumnName("inactivity_token_id");
        builder.Property(x => x.WinBackTokenId).HasColumnName("win_back_token_id");
        builder.Property(x => x.SunsetTokenId).HasColumnName("sunset_token_id");
    }
}
