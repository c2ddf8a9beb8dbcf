using CartRecovery.Journeys;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CartRecovery.Persistence.Sagas;

public static class JourneyStateMapExtensions
{
    /// <summary>The columns every journey row has: its id, state, version and customer.</summary>
    public static EntityTypeBuilder<TState> MapJourneyState<TState>(this EntityTypeBuilder<TState> builder, string table)
        where TState : class, SagaStateMachineInstance, ISagaVersion, IJourneyState
    {
        builder.ToTable(table);
        builder.HasKey(x => x.CorrelationId);
        builder.Property(x => x.CorrelationId).HasColumnName("correlation_id").ValueGeneratedNever();
        builder.Property(x => x.CurrentState).HasColumnName("current_state").HasMaxLength(64);
        builder.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(x => x.CustomerId).HasColumnName("customer_id").HasMaxLength(128);
        builder.HasIndex(x => x.CustomerId);
        return builder;
    }
}
