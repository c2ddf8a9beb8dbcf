using CartRecovery.Contracts;
using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Profiles;
using CartRecovery.Delivery.Templates;
using CartRecovery.Journeys;
using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.PostPurchase;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Tests.Templates.Samples;

/// <summary>A realistic request for every step of <see cref="JourneyStepCatalogue"/>, turned into an email model the
/// way the dispatcher does (real signed links), for the rendering specs and for docs/emails.md.</summary>
internal static class EmailSamples
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    public static readonly Uri TrackingBase = new("https://mail.shop.example/");
    public static readonly Uri ShopHome = new("https://shop.example/");
    public static readonly Uri CarrierPage = new("https://parcels.example.net/track/00340434161094042557");
    public const string CartUrlTemplate = "https://shop.example/cart/{cartId}";
    public static readonly Guid CartId = Guid.Parse("6f1c2b7e-3d4a-4c8e-9b21-0a5d7e3f9c11");
    private static readonly Guid OrderId = Guid.Parse("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a");

    private static readonly IOptions<LinkSigningOptions> LinkOptions = Options.Create(new LinkSigningOptions
    {
        Secret = "sample-link-secret-of-at-least-32-characters",
        BaseUrl = TrackingBase,
        ShopUrl = ShopHome,
        CartUrlTemplate = CartUrlTemplate,
    });

    public static LinkSigner Signer { get; } = new(LinkOptions);

    private static readonly EmailModelFactory Factory = new(Signer, new ShopTargets(LinkOptions));

    public static readonly IReadOnlyList<string> Locales = ["en-GB", "de-DE"];

    public static CustomerProfile Customer(string locale) => new()
    {
        CustomerId = "sample-customer",
        Email = "anna@example.com",
        FirstName = locale.StartsWith("de", StringComparison.Ordinal) ? "Jürgen" : "Anna",
        Locale = locale,
        TimeZone = "Europe/Berlin",
        MarketingConsent = true,
    };

    public static ProductLine Line(string sku, string name, decimal price, string category, int quantity = 1) => new()
    {
        Sku = sku,
        Name = name,
        UnitPrice = price,
        Currency = "EUR",
        Quantity = quantity,
        Category = category,
        ProductUrl = new Uri($"https://shop.example/p/{sku.ToLowerInvariant()}"),
        ImageUrl = new Uri($"https://cdn.shop.example/{sku.ToLowerInvariant()}.jpg"),
    };

    private static readonly ProductLine Shoes = Line("SNEAKER-42", "Canvas sneaker, size 42", 79.00m, "Shoes");
    private static readonly ProductLine Socks = Line("SOCKS-3", "Merino socks, 3 pairs", 29.00m, "Socks", quantity: 2);
    private static readonly ProductLine Jacket = Line("JACKET-RAIN", "Rain jacket", 189.00m, "Outdoor");
    private static readonly ProductLine Boots = Line("BOOT-HIKE", "Hiking boots", 149.00m, "Shoes");

    /// <summary>The request the step's journey sends, with what the dispatcher adds (browsed extras, suggestions,
    /// the discount code).</summary>
    public static (SendJourneyEmail Request, IReadOnlyList<ProductLine> Products, IReadOnlyList<ProductLine> Recommendations, IssuedDiscount? Discount)
        For(JourneyStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var request = new SendJourneyEmail
        {
            JourneyId = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001"),
            Journey = step.Journey,
            Step = step.Number,
            StepName = step.Name,
            CustomerId = "sample-customer",
            RequestedAt = Now,
            Products = [],
        };
        var code = new IssuedDiscount("CR-7K3Q9-MX2PD", new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero));
        IReadOnlyList<ProductLine> cart = [Shoes, Socks];
        return (step.Journey, step.Name) switch
        {
            (JourneyNames.CartAbandonment, CartAbandonmentSteps.RecoveryName) or (JourneyNames.CartAbandonment, CartAbandonmentSteps.CheckoutName) =>
                (CartRequest(request, cart), cart, [], null),
            (JourneyNames.CartAbandonment, CartAbandonmentSteps.DiscountName) =>
                (CartRequest(request, cart) with { DiscountPercent = 10 }, cart, [], code),
            (JourneyNames.BrowseAbandonment, BrowseAbandonmentSteps.BrowseName) =>
                (request with { Products = [Jacket] }, [Jacket, Boots], [], null),
            (JourneyNames.PostPurchase, PostPurchaseSteps.ShipmentName) =>
                (OrderRequest(request, cart) with { Carrier = "DHL", TrackingNumber = "00340434161094042557", TrackingUrl = CarrierPage }, cart, [], null),
            (JourneyNames.PostPurchase, PostPurchaseSteps.ReviewName) => (OrderRequest(request, cart), cart, [], null),
            (JourneyNames.PostPurchase, PostPurchaseSteps.CrossSellName) => (OrderRequest(request, cart), cart, [Boots], null),
            (JourneyNames.Inactivity, InactivitySteps.ReEngagementName) => (request, [], [], null),
            (JourneyNames.Inactivity, InactivitySteps.WinBackName) => (request with { DiscountPercent = 15 }, [], [], code),
            _ => throw new ArgumentException($"No sample for {step.Journey}/{step.Name}: add one with the step's templates.", nameof(step)),
        };
    }

    public static EmailModel Model(JourneyStep step, string locale)
    {
        var (request, products, recommendations, discount) = For(step);
        var unsubscribe = Signer.UnsubscribeUrl(request.JourneyId, request.Step, request.CustomerId, Now);
        return Factory.Create(request, Customer(locale), products, recommendations, discount, unsubscribe, Now);
    }

    private static SendJourneyEmail CartRequest(SendJourneyEmail request, IReadOnlyList<ProductLine> cart) => request with
    {
        JourneyId = CartId,
        CartId = CartId,
        Products = cart,
        CartValue = cart.Sum(l => l.UnitPrice * l.Quantity),
        Currency = "EUR",
    };

    private static SendJourneyEmail OrderRequest(SendJourneyEmail request, IReadOnlyList<ProductLine> lines) => request with
    {
        JourneyId = OrderId,
        OrderId = OrderId,
        Products = lines,
        CartValue = lines.Sum(l => l.UnitPrice * l.Quantity),
        Currency = "EUR",
    };
}
