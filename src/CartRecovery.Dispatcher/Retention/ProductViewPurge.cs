using CartRecovery.Persistence.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Dispatcher.Retention;

/// <summary>Products last viewed longer ago than <c>Retention:ProductViews</c>.</summary>
public sealed class ProductViewPurge(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options) : IRetentionPurge
{
    private static readonly string Delete = BatchDelete.Sql("product_view", "viewed_at < @cutoff");

    public string Kind => "product-views";

    public Task<int> PurgeBatch(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        BatchDelete.Execute(dataSource, Delete, now - options.Value.ProductViews, batchSize, cancellationToken);
}
