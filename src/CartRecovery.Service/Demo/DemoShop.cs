namespace CartRecovery.Service.Demo;

/// <summary>The made-up shop the demo's links land on.</summary>
public static class DemoShop
{
    public const string Home = "https://shop.example/";
    public const string CartUrlTemplate = "https://shop.example/cart/{cartId}";

    public static Uri Product(string sku) => new($"{Home}p/{sku.ToLowerInvariant()}");
}
