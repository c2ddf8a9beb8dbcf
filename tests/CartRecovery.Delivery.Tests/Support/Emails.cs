using CartRecovery.Delivery.Templates;

namespace CartRecovery.Delivery.Tests.Support;

internal static class Emails
{
    public static EmailProduct Product(string name, decimal unitPrice = 1234.5m, string currency = "EUR", int quantity = 1) => new()
    {
        Name = name,
        Sku = $"SKU-{name.Length}",
        Quantity = quantity,
        UnitPrice = unitPrice,
        Currency = currency,
        ImageUrl = new Uri("https://cdn.example.com/p.jpg"),
        ClickUrl = new Uri($"https://mail.example.com/t/c/{Uri.EscapeDataString(name)}"),
    };

    public static EmailModel Model(string? firstName = "Anna", string? locale = "en-GB", string currency = "EUR") => new()
    {
        FirstName = firstName,
        Locale = locale,
        Currency = currency,
        Products = [Product("Trail shoes"), Product("Rain jacket", 89.9m)],
        CartValue = 1324.4m,
        OpenPixelUrl = new Uri("https://mail.example.com/t/o/token"),
        UnsubscribeUrl = new Uri("https://mail.example.com/u/token"),
        ShopUrl = new Uri("https://mail.example.com/t/c/shop"),
    };
}
