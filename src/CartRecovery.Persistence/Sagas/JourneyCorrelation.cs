using CartRecovery.Persistence.Rows;
using MassTransit;
using Npgsql;

namespace CartRecovery.Persistence.Sagas;

/// <summary>How one journey finds its row for one message type: the journey's row key for a message, and the
/// statement that loads and locks that row.</summary>
public abstract class JourneyCorrelation
{
    public abstract Type JourneyType { get; }

    /// <summary>The key of the row the journey will load for this message, or null when it finds its row another way.</summary>
    public abstract Guid? RowKeyOf(ConsumeContext context);

    /// <summary>Loads and locks the rows of every key (rows that exist only), in key order.</summary>
    public abstract NpgsqlBatchCommand LoadAndLockAll(JourneyDbContext dbContext, Guid[] rowKeys);

    /// <summary>Reads a loaded row, with what it held (<see cref="RowSnapshot"/>).</summary>
    public abstract object Read(JourneyDbContext dbContext, NpgsqlDataReader reader, out RowSnapshot original);

    /// <summary>The key of a row <see cref="Read"/> returned.</summary>
    public abstract Guid KeyOf(object row);
}
