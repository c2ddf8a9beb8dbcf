using CartRecovery.Journeys;
using CartRecovery.Contracts;
using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Reads what MassTransit moved to the cart journey's error queue, without subscribing to publishes.</summary>
public sealed class CartErrorQueue
{
    public MessageLog<CartItemAdded> ItemsAdded { get; } = new();
    public MessageLog<OrderPlaced> OrdersPlaced { get; } = new();

    public void Connect(IRabbitMqBusFactoryConfigurator bus) =>
        bus.ReceiveEndpoint($"{JourneyEndpoints.CustomerEventsQueue}_error", e =>
        {
            e.ConfigureConsumeTopology = false;
            e.Handler<CartItemAdded>(c =>
            {
                ItemsAdded.Add(c);
                return Task.CompletedTask;
            });
            e.Handler<OrderPlaced>(c =>
            {
                OrdersPlaced.Add(c);
                return Task.CompletedTask;
            });
        });
}
