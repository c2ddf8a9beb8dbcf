using CartRecovery.Contracts;
using CartRecovery.Delivery.Links;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Tests.Links;

public sealed class When_resolving_where_links_land
{
    private static readonly Guid CartId = Guid.Parse("11111111-2222-4333-8444-555555555555");

    private static ShopTargets Targets(string? cartUrlTemplate = "https://shop.example.com/cart/{cartId}") => new(Options.Create(new LinkSigningOptions
    {
        BaseUrl = new Uri("https://mail.example.com/"),
        ShopUrl = new Uri("https://shop.example.com/"),
        CartUrlTemplate = cartUrlTemplate,
    }));

    [Fact]
    public void Should_land_on_the_cart_page_the_shop_sent() =>
        Assert.Equal(new Uri("https://shop.example.com/basket?c=42"), Targets().Cart(CartId, new Uri("https://shop.example.com/basket?c=42")));

    [Fact]
    public void Should_fill_the_configured_cart_page_with_the_cart_id() =>
        Assert.Equal(new Uri($"https://shop.example.com/cart/{CartId:D}"), Targets().Cart(CartId, cartUrl: null));

    [Fact]
    public void Should_land_on_the_shop_home_without_a_cart_page() =>
        Assert.Equal(new Uri("https://shop.example.com/"), Targets(cartUrlTemplate: null).Cart(CartId, cartUrl: null));

    [Fact]
    public void Should_land_on_the_products_page_or_else_the_shop_home()
    {
        var line = new ProductLine { Sku = "A", Name = "A", UnitPrice = 1, Currency = "EUR", Quantity = 1 };
        Assert.Equal(new Uri("https://shop.example.com/"), Targets().Product(line));
        Assert.Equal(new Uri("https://shop.example.com/p/a"), Targets().Product(line with { ProductUrl = new Uri("https://shop.example.com/p/a") }));
    }
}
