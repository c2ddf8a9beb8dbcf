using CartRecovery.Contracts;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Tests.Support;

namespace CartRecovery.Journeys.Tests.CartAbandonment;

public sealed class CartLinesSpecs
{
    [Fact]
    public void Should_merge_the_same_sku_into_one_line_with_the_newest_price()
    {
        List<ProductLine> lines = [];
        CartLines.Add(lines, Events.Line("A", 1, 10m));
        CartLines.Add(lines, Events.Line("A", 2, 12m));
        var line = Assert.Single(lines);
        Assert.Equal(3, line.Quantity);
        Assert.Equal(12m, line.UnitPrice);
    }

    [Fact]
    public void Should_drop_a_line_when_its_quantity_runs_out_and_ignore_unknown_skus()
    {
        List<ProductLine> lines = [Events.Line("A", 2), Events.Line("B", 1)];
        CartLines.Remove(lines, "A", 5);
        CartLines.Remove(lines, "Z", 1);
        Assert.Equal(["B"], lines.Select(l => l.Sku));
    }

    [Fact]
    public void Should_value_the_cart_as_price_times_quantity()
    {
        Assert.Equal(65m, CartLines.Value([Events.Line("A", 2, 20m), Events.Line("B", 1, 25m)]));
    }

    [Fact]
    public void Should_forget_the_oldest_event_ids_beyond_capacity()
    {
        List<Guid> recent = [];
        var first = Guid.NewGuid();
        Assert.True(RecentEvents.TryRemember(recent, first));
        Assert.False(RecentEvents.TryRemember(recent, first));
        for (var i = 0; i < RecentEvents.Capacity; i++)
        {
            RecentEvents.TryRemember(recent, Guid.NewGuid());
        }

        Assert.Equal(RecentEvents.Capacity, recent.Count);
        Assert.True(RecentEvents.TryRemember(recent, first));
    }
}
