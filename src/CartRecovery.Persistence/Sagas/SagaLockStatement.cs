using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CartRecovery.Persistence.Sagas;

/// <summary>The <c>SELECT … FOR UPDATE</c> that loads and locks one saga row, built from the EF model once per
/// saga type so table and column names have a single source.</summary>
public static class SagaLockStatement<TSaga>
    where TSaga : class, ISaga
{
    private static string? _sql;

    public static string For(DbContext dbContext)
    {
        if (_sql is not null)
        {
            return _sql;
        }

        var entity = dbContext.Model.FindEntityType(typeof(TSaga))
            ?? throw new InvalidOperationException($"{typeof(TSaga).Name} is not mapped in {dbContext.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var column = entity.FindProperty(nameof(ISaga.CorrelationId))!.GetColumnName(table)!;
        var qualifiedTable = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
        _sql = $"SELECT * FROM {qualifiedTable} WHERE \"{column}\" = {{0}} FOR UPDATE";
        return _sql;
    }
}
