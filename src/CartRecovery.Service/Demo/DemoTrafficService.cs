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
/// Plays a small shop for all four journeys: every few seconds a customer fills a cart and browses another product
/// three times; one in three orders at once (post-purchase: shipment, review, cross-sell), the others walk away
/// (cart recovery, then the discount); everyone goes quiet afterwards (win-back). The emails land in the SMTP sink;
/// the decision log says why each was or was not sent (the frequency cap defers some, as it should). Events go through <c>POST /api/events</c>, as a shop
/// that is not on .NET would send them.
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
    private static readonly (string Sku, string Name, decimal Price)[] Catalog =
    [
        ("TSHIRT-BLK-M", "Organic T-shirt, black, M", 24.90m),
        ("SNEAKER-42", "Canvas sneaker, size 42", 79.00m),
        ("MUG-STONE", "Stoneware mug", 14.50m),
        ("JACKET-RAIN", "Rain jacket", 189.00m),
        ("SOCKS-3", "Merino socks, 3 pairs", 29.00m),
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

        var lines = Enumerable.Range(0, 1 + (shopper % 3)).Select(i => Catalog[(shopper + i) % Catalog.Length]).ToList();
        foreach (var (sku, name, price) in lines)
        {
            await Publish(new CartItemAdded
            {
                EventId = NewId.NextGuid(),
                OccurredAt = clock.GetUtcNow(),
                CustomerId = customerId,
                CartId = cartId,
                Item = new ProductLine
                {
                    Sku = sku, Name = name, UnitPrice = price, Currency = "EUR", Quantity = 1,
                    ProductUrl = new Uri($"https://shop.example/p/{sku.ToLowerInvariant()}"),
                },
            }, cancellationToken);
        }

        // Looks at something else three times without buying it: browse abandonment.
        var (browsedSku, browsedName, browsedPrice) = Catalog[(shopper + 3) % Catalog.Length];
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
                ProductUrl = new Uri($"https://shop.example/p/{browsedSku.ToLowerInvariant()}"),
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
                Lines = [.. lines.Select(l => new ProductLine { Sku = l.Sku, Name = l.Name, UnitPrice = l.Price, Currency = "EUR", Quantity = 1 })],
                Total = lines.Sum(l => l.Price),
                Currency = "EUR",
            }, cancellationToken);
            await Publish(new OrderShipped { EventId = NewId.NextGuid(), OccurredAt = clock.GetUtcNow(), CustomerId = customerId, OrderId = orderId, Carrier = "DHL" }, cancellationToken);
            await Publish(new OrderDelivered { EventId = NewId.NextGuid(), OccurredAt = clock.GetUtcNow(), CustomerId = customerId, OrderId = orderId }, cancellationToken);
        }

        // Whatever happened, the shopper then goes quiet: the win-back journey notices later.

        LogShopper(customerId, lines.Count, shopper % 3 == 0 ? "ordered" : "walked away");
    }

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
