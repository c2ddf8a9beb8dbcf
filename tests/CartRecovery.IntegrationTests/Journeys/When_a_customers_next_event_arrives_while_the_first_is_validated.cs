using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using FluentValidation;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Journeys;

/// <summary>
/// A shop sends order.placed and order.shipped a moment apart. The first takes long to get through validation; the
/// second, delivered meanwhile, must wait behind it: overtaking, it would find no journey yet, be discarded, and the
/// shipment email would never go out.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_customers_next_event_arrives_while_the_first_is_validated(ServiceEndpoints services) : IAsyncLifetime
{
    private static readonly TimeSpan SlowValidation = TimeSpan.FromMilliseconds(500);

    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Services = s => s.AddSingleton<IValidator<OrderPlaced>, SlowOrderPlacedValidator>();
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_apply_them_in_the_order_they_were_published()
    {
        var customerId = $"buyer-{Guid.NewGuid():N}";
        var orderId = NewId.NextGuid();
        await _host.Bus.Publish(OrderEvents.Placed(customerId, orderId));
        await _host.Bus.Publish(OrderEvents.Shipped(customerId, orderId));

        await Eventually.Until(
            () => _host.Database.Count("SELECT count(*) FROM post_purchase_state WHERE correlation_id = @id AND shipped_at IS NOT NULL", ("id", orderId)),
            n => n == 1, TimeSpan.FromSeconds(20), "the shipment applied to the journey the order started");
    }

    private sealed class SlowOrderPlacedValidator : AbstractValidator<OrderPlaced>
    {
        public SlowOrderPlacedValidator() =>
            RuleFor(order => order.OrderId).MustAsync(async (_, cancellationToken) =>
            {
                await Task.Delay(SlowValidation, cancellationToken);
                return true;
            });
    }
}
