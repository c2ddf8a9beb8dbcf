using CartRecovery.Contracts;
using CartRecovery.Journeys.Tests.Support;
using CartRecovery.Journeys.Validation;
using FluentValidation;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Journeys.Tests.Validation;

public sealed class EventValidatorSpecs
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset Now = Clock.GetUtcNow();
    private static readonly Guid CartId = Guid.NewGuid();

    private static IEnumerable<string> Failures<T>(IValidator<T> validator, T message) =>
        validator.Validate(message).Errors.Select(e => e.PropertyName);

    [Fact]
    public void Should_accept_a_well_formed_event()
    {
        Assert.Empty(Failures(new CartItemAddedValidator(Clock), Events.ItemAdded(CartId, Now)));
        Assert.Empty(Failures(new OrderPlacedValidator(Clock), Events.OrderPlaced(CartId, Now)));
        Assert.Empty(Failures(new CheckoutStartedValidator(Clock), Events.CheckoutStarted(CartId, Now)));
        Assert.Empty(Failures(new CartItemRemovedValidator(Clock), Events.ItemRemoved(CartId, Now)));
    }

    [Fact]
    public void Should_require_the_event_id_and_the_cart_id()
    {
        var message = Events.ItemAdded(Guid.Empty, Now) with { EventId = Guid.Empty };
        Assert.Equal(["EventId", "CartId"], Failures(new CartItemAddedValidator(Clock), message));
    }

    [Fact]
    public void Should_require_a_customer_id()
    {
        var message = Events.CheckoutStarted(CartId, Now) with { CustomerId = "" };
        Assert.Equal(["CustomerId"], Failures(new CheckoutStartedValidator(Clock), message));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-0.01)]
    public void Should_refuse_a_negative_price(double price)
    {
        var message = Events.ItemAdded(CartId, Now, unitPrice: (decimal)price);
        Assert.Equal(["Item.UnitPrice"], Failures(new CartItemAddedValidator(Clock), message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Should_refuse_a_quantity_below_one(int quantity)
    {
        var message = Events.ItemAdded(CartId, Now, quantity: quantity);
        Assert.Equal(["Item.Quantity"], Failures(new CartItemAddedValidator(Clock), message));
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("XYZ")]
    [InlineData("")]
    public void Should_refuse_anything_but_an_iso_4217_currency(string currency)
    {
        var message = Events.OrderPlaced(CartId, Now) with { Currency = currency };
        Assert.Equal(["Currency"], Failures(new OrderPlacedValidator(Clock), message));
    }

    [Fact]
    public void Should_refuse_a_timestamp_in_the_future_beyond_clock_skew()
    {
        var message = Events.CheckoutStarted(CartId, Now.AddMinutes(6));
        Assert.Equal(["OccurredAt"], Failures(new CheckoutStartedValidator(Clock), message));
        Assert.Empty(Failures(new CheckoutStartedValidator(Clock), Events.CheckoutStarted(CartId, Now.AddMinutes(4))));
    }

    [Fact]
    public void Should_refuse_a_default_timestamp()
    {
        var message = Events.CheckoutStarted(CartId, default);
        Assert.Equal(["OccurredAt"], Failures(new CheckoutStartedValidator(Clock), message));
    }

    [Theory]
    [InlineData("ftp://shop.example/p/1")]
    [InlineData("/p/1")]
    [InlineData("javascript:alert(1)")]
    public void Should_refuse_a_product_url_that_is_not_absolute_http(string url)
    {
        var message = Events.ItemAdded(CartId, Now);
        message = message with { Item = message.Item with { ProductUrl = new Uri(url, UriKind.RelativeOrAbsolute) } };
        Assert.Equal(["Item.ProductUrl"], Failures(new CartItemAddedValidator(Clock), message));
    }

    [Fact]
    public void Should_refuse_an_empty_cart_id_on_an_order_but_accept_none()
    {
        Assert.Equal(["CartId"], Failures(new OrderPlacedValidator(Clock), Events.OrderPlaced(Guid.Empty, Now)));
        Assert.Empty(Failures(new OrderPlacedValidator(Clock), Events.OrderPlaced(null, Now)));
    }

    [Fact]
    public void Should_validate_every_order_line()
    {
        var order = Events.OrderPlaced(CartId, Now) with { Lines = [Events.Line(), Events.Line(sku: "") ] };
        Assert.Equal(["Lines[1].Sku"], Failures(new OrderPlacedValidator(Clock), order));
    }

    [Fact]
    public void Should_check_the_profile_email_time_zone_and_locale()
    {
        var profile = new CustomerProfileUpdated
        {
            EventId = Guid.NewGuid(),
            OccurredAt = Now,
            CustomerId = "c-1",
            Email = "not-an-email",
            TimeZone = "Mars/Olympus",
            Locale = "xx-NOPE-12345",
            MarketingConsent = true,
        };
        Assert.Equal(["Email", "TimeZone", "Locale"], Failures(new CustomerProfileUpdatedValidator(Clock), profile));

        var valid = profile with { Email = "ada@example.com", TimeZone = "Europe/Berlin", Locale = "de-DE" };
        Assert.Empty(Failures(new CustomerProfileUpdatedValidator(Clock), valid));
    }

    [Fact]
    public void Should_refuse_a_view_duration_out_of_range()
    {
        var view = new ProductViewed
        {
            EventId = Guid.NewGuid(),
            OccurredAt = Now,
            CustomerId = "c-1",
            Sku = "SKU-1",
            Name = "Shoe",
            UnitPrice = 10m,
            Currency = "EUR",
            ViewDuration = TimeSpan.FromSeconds(-1),
        };
        Assert.Equal(["ViewDuration"], Failures(new ProductViewedValidator(Clock), view));
    }

    [Fact]
    public void Should_require_a_positive_step_and_a_journey_on_engagement_events()
    {
        var opened = new EmailOpened { EventId = Guid.NewGuid(), OccurredAt = Now, CustomerId = "c-1", JourneyId = Guid.Empty, Step = 0 };
        Assert.Equal(["JourneyId", "Step"], Failures(new EmailOpenedValidator(Clock), opened));
    }
}
