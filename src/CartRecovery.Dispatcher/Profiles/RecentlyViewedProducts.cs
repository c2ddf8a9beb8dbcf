using CartRecovery.Contracts;
using Npgsql;

namespace CartRecovery.Dispatcher.Profiles;

/// <summary>Products a customer looked at lately, newest first: the "related products" of a browse email.</summary>
public sealed class RecentlyViewedProducts(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);
    public const int MaxRelated = 3;

    public Task<IReadOnlyList<ProductLine>> For(string customerId, IReadOnlyCollection<string> excludeSkus, DateTimeOffset now,
        CancellationToken cancellationToken) => Query(customerId, excludeSkus, categories: null, now, cancellationToken);

    /// <summary>The cross-sell's suggestions: products seen lately in one of these categories.</summary>
    public Task<IReadOnlyList<ProductLine>> InCategories(string customerId, IReadOnlyCollection<string> categories,
        IReadOnlyCollection<string> excludeSkus, DateTimeOffset now, CancellationToken cancellationToken) =>
        categories.Count == 0
            ? Task.FromResult<IReadOnlyList<ProductLine>>([])
            : Query(customerId, excludeSkus, categories, now, cancellationToken);

    private async Task<IReadOnlyList<ProductLine>> Query(string customerId, IReadOnlyCollection<string> excludeSkus,
        IReadOnlyCollection<string>? categories, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT sku, name, unit_price, currency, category, image_url, product_url FROM product_view
            WHERE customer_id = @customer_id AND viewed_at >= @since AND NOT (sku = ANY(@exclude))
              AND (@any_category OR category = ANY(@categories))
            ORDER BY viewed_at DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("any_category", categories is null);
        command.Parameters.AddWithValue("categories", (categories ?? []).ToArray());
        command.Parameters.AddWithValue("customer_id", customerId);
        command.Parameters.AddWithValue("since", now - Lookback);
        command.Parameters.AddWithValue("exclude", excludeSkus.ToArray());
        command.Parameters.AddWithValue("limit", MaxRelated);
        var products = new List<ProductLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(new ProductLine
            {
                Sku = reader.GetString(0),
                Name = reader.GetString(1),
                UnitPrice = reader.GetDecimal(2),
                Currency = reader.GetString(3),
                Quantity = 1,
                Category = reader.IsDBNull(4) ? null : reader.GetString(4),
                ImageUrl = reader.IsDBNull(5) ? null : new Uri(reader.GetString(5)),
                ProductUrl = reader.IsDBNull(6) ? null : new Uri(reader.GetString(6)),
            });
        }

        return products;
    }
}
