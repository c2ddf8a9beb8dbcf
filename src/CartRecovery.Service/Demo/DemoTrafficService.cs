using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Contracts;
using CartRecovery.Service.Ingest;
using CartRecovery.Service.Support;
using MassTransit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CartRecovery.Service.Demo;

/// <summary>
/// Plays a small shop for all four journeys, so every kind of email appears within minutes: every few seconds a
/// customer fills a cart and browses another product three times; one in three orders at once (post-purchase:
/// shipment, review, cross-sell), one walks away from the cart (cart recovery, then the discount), one leaves in
/// checkout (the checkout reminder); everyone goes quiet afterwards (re-engagement, then win-back). Customers
/// alternate between English and German. The emails land in the SMTP sink; the decision log says why each was or
/// was not sent. Events go through <c>POST /api/events</c>, as a shop that is not on .NET would send them.
/// </summary>
public sealed partial class DemoTrafficService(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<ApiKeyOptions> apiKey,
    TimeProvider clock,
    ILogger<DemoTrafficService> logger)
    : BackgroundService
{
    private static readonly Dictionary<Type, string> TypeNames = EventTypes.ByName.ToDictionary(p => p.Value, p => p.Key);
    private readonly string _runTag = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..4];
    private HttpClient? _http;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly string[] FirstNames = ["", "Ada", "Grace", "Linus"];
    private static readonly (string Sku, string Name, decimal Price, string Category)[] Catalog =
    [
        ("TSHIRT-BLK-M", "Organic T-shirt, black, M", 24.90m, "Clothing"),
        ("SNEAKER-42", "Canvas sneaker, size 42", 79.00m, "Shoes"),
        ("MUG-STONE", "Stoneware mug", 14.50m, "Home"),
        ("JACKET-RAIN", "Rain jacket", 189.00m, "Clothing"),
        ("SOCKS-3", "Merino socks, 3 pairs", 29.00m, "Clothing"),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The server listens only once the application has started; then its own address is known.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add(ApiKeyOptions.HeaderName, apiKey.Value.Grants().First(g => g.Caller.Scopes.Contains(ApiScopes.Ingest)).Key);
        _http = http;
        using var timer = new PeriodicTimer(Interval, clock);
        var shopper = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            shopper++;
            try
            {
                await Shop(shopper, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, shopper);
            }
        }
    }

    private async Task Shop(int shopper, CancellationToken cancellationToken)
    {
        // A fresh tag per run: customers of an earlier demo have used up their frequency cap.
        var customerId = $"demo-{_runTag}-{shopper:D3}";
        var cartId = NewId.NextGuid();
        var now = clock.GetUtcNow();
        await Publish(new CustomerProfileUpdated
        {
            EventId = NewId.NextGuid(),
            OccurredAt = now,
            CustomerId = customerId,
            Email = $"{customerId}@example.com",
            // Every fourth shopper has no first name: the templates' fallback greets them.
            FirstName = shopper % 4 == 0 ? null : FirstNames[shopper % 4],
            TimeZone = "Europe/Berlin",
            Locale = shopper % 2 == 0 ? "de-DE" : "en-GB",
            MarketingConsent = shopper % 7 != 0,
        }, cancellationToken);

        var lines = Enumerable.Range(0, 1 + (shopper % 3)).Select(i => Line(Catalog[(shopper + i) % Catalog.Length])).ToList();
        foreach (var line in lines)
        {
            await Publish(new CartItemAdded
            {
                EventId = NewId.NextGuid(),
                OccurredAt = clock.GetUtcNow(),
                CustomerId = customerId,
                CartId = cartId,
                Item = line,
            }, cancellationToken);
        }

        // Looks at something else three times without buying it: browse abandonment.
        var (browsedSku, browsedName, browsedPrice, browsedCategory) = Catalog[(shopper + 3) % Catalog.Length];
        for (var view = 0; view < 3; view++)
        {
            await Publish(new ProductViewed
            {
                EventId = NewId.NextGuid(),
                OccurredAt = clock.GetUtcNow(),
                CustomerId = customerId,
                Sku = browsedSku,
                Name = browsedName,
                UnitPrice = browsedPrice,
                Currency = "EUR",
                Category = browsedCategory,
                ProductUrl = DemoShop.Product(browsedSku),
                ViewDuration = TimeSpan.FromSeconds(20),
            }, cancellationToken);
        }

        if (shopper % 3 == 0)
        {
            // Orders at once, and the parcel arrives: post-purchase (shipment, review, cross-sell).
            var orderId = NewId.NextGuid();
            await Publish(new CheckoutStarted { EventId = NewId.NextGuid(), OccurredAt = clock.GetUtcNow(), CustomerId = customerId, CartId = cartId }, cancellationToken);
            await Publish(new OrderPlaced
            {
                EventId = NewId.NextGuid(),
                OccurredAt = clock.GetUtcNow(),
                CustomerId = customerId,
                OrderId = orderId,
                CartId = cartId,
                Lines = lines,
                Total = lines.Sum(l => l.UnitPrice * l.Quantity),
                Currency = "EUR",
            }, cancellationToken);
            var parcel = $"0034043416{shopper:D10}";
            await Publish(new OrderShipped
            {
                EventId = NewId.NextGuid(),
                OccurredAt = clock.GetUtcNow(),
                CustomerId = customerId,
                OrderId = orderId,
                Carrier = "DHL",
                TrackingNumber = parcel,
                TrackingUrl = new Uri($"https://parcels.example.net/track/{parcel}"),
            }, cancellationToken);
            await Publish(new OrderDelivered { EventId = NewId.NextGuid(), OccurredAt = clock.GetUtcNow(), CustomerId = customerId, OrderId = orderId }, cancellationToken);
        }

        else if (shopper % 3 == 2)
        {
            // Gets as far as checkout and leaves: the checkout reminder instead of the cart recovery email.
            await Publish(new CheckoutStarted { EventId = NewId.NextGuid(), OccurredAt = clock.GetUtcNow(), CustomerId = customerId, CartId = cartId }, cancellationToken);
        }

        // Whatever happened, the shopper then goes quiet: the win-back journey notices later.

        LogShopper(customerId, lines.Count, (shopper % 3) switch { 0 => "ordered", 1 => "walked away", _ => "left in checkout" });
    }

    private static ProductLine Line((string Sku, string Name, decimal Price, string Category) product) => new()
    {
        Sku = product.Sku,
        Name = product.Name,
        UnitPrice = product.Price,
        Currency = "EUR",
        Quantity = 1,
        Category = product.Category,
        ProductUrl = DemoShop.Product(product.Sku),
    };

    private async Task Publish<T>(T message, CancellationToken cancellationToken)
        where T : class
    {
        var body = JsonSerializer.SerializeToNode(message, JsonSerializerOptions.Web)!.AsObject();
        body["type"] = TypeNames[typeof(T)];
        using var response = await _http!.PostAsJsonAsync(new Uri("/api/events", UriKind.Relative), body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo shopper {CustomerId} put {Lines} items in a cart, browsed, and {Ending}")]
    private partial void LogShopper(string customerId, int lines, string ending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo shopper {Shopper} could not be played")]
    private partial void LogFailed(Exception exception, int shopper);
}
