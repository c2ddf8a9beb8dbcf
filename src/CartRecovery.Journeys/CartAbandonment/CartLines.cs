using CartRecovery.Contracts;

namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>Cart arithmetic on the saga's line list: one line per sku.</summary>
public static class CartLines
{
    public static void Add(List<ProductLine> lines, ProductLine item)
    {
        var index = lines.FindIndex(l => l.Sku == item.Sku);
        if (index < 0)
        {
            lines.Add(item);
            return;
        }

        // The newest event carries the current price and name; quantities accumulate.
        lines[index] = item with { Quantity = lines[index].Quantity + item.Quantity };
    }

    public static void Remove(List<ProductLine> lines, string sku, int quantity)
    {
        var index = lines.FindIndex(l => l.Sku == sku);
        if (index < 0)
        {
            return;
        }

        var remaining = lines[index].Quantity - quantity;
        if (remaining > 0)
        {
            lines[index] = lines[index] with { Quantity = remaining };
        }
        else
        {
            lines.RemoveAt(index);
        }
    }

    public static decimal Value(IEnumerable<ProductLine> lines) => lines.Sum(l => l.UnitPrice * l.Quantity);

    public static string Currency(IReadOnlyList<ProductLine> lines) => lines.Count > 0 ? lines[0].Currency : "";
}
