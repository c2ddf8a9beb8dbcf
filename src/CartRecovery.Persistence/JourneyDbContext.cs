using CartRecovery.Persistence.Outbox;
using CartRecovery.Persistence.Rejections;
using Microsoft.EntityFrameworkCore;

namespace CartRecovery.Persistence;

/// <summary>One unit of work per consumed message: saga rows, inbox, outbox and the scheduler's triggers commit
/// in the transaction this context carries.</summary>
public sealed class JourneyDbContext : DbContext
{
    public JourneyDbContext(DbContextOptions<JourneyDbContext> options)
        : base(options) =>
        // A failed statement fails the whole message and the retry starts over, so the savepoint EF wraps around
        // every SaveChanges is two statements with no use; the one place that needs one sets it itself.
        Database.AutoSavepointsEnabled = false;

    public DbSet<InboxState> InboxStates => Set<InboxState>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<RejectedEventRecord> RejectedEvents => Set<RejectedEventRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JourneyDbContext).Assembly);
}
