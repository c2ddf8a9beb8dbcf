using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys;
using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys.CartAbandonment;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartRecovery.IntegrationTests.Outages;

/// <summary>The order ends the journey while its idle timer is already on its way: the timer message reaches the
/// queue right behind the order, carrying the token the journey had when it was armed.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_an_order_crosses_the_idle_timer(ServiceEndpoints services)
{
    private const int Races = 200;

    [Fact]
    public async Task Should_ignore_the_late_timer_without_a_fault_an_error_log_or_an_email()
    {
        await using var queues = await BrokerQueues.Connect(services.RabbitMq);
        await queues.PurgeErrorQueues();
        var logs = new RecordingLoggerProvider();
        await using var host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Logging:LogLevel:MassTransit"] = "Error";
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00";
            o.Services = s => s.AddSingleton<ILoggerProvider>(logs);
        });
        var timers = new ConsumeCounter<CartIdleTimeoutElapsed>();
        using var observing = host.Bus.ConnectConsumeMessageObserver(timers);
        var carts = Enumerable.Range(0, Races).Select(_ => Guid.NewGuid()).ToList();
        foreach (var cart in carts)
        {
            await host.Bus.Publish(CartEvents.ItemAdded(cart));
        }

        await Eventually.Until(
            () => host.Database.Count("SELECT count(*) FROM cart_abandonment_state WHERE idle_timeout_token_id IS NOT NULL"),
            n => n == Races, TimeSpan.FromSeconds(120), "idle timers armed");
        var journeyQueue = await host.Bus.GetSendEndpoint(JourneyEndpoints.CustomerEvents);
        foreach (var cart in carts)
        {
            var token = await host.Database.Scalar<Guid>("SELECT idle_timeout_token_id FROM cart_abandonment_state WHERE correlation_id = @id", ("id", cart));
            await host.Bus.Publish(CartEvents.OrderPlaced(cart));
            // As the poller sends it: with its token and the partition of the customer whose event scheduled it.
            await journeyQueue.Send(new CartIdleTimeoutElapsed { CartId = cart }, c =>
            {
                c.Headers.Set(MessageHeaders.SchedulingTokenId, token.ToString("D"));
                c.Headers.Set(JourneyPartition.HeaderName, CartEvents.CustomerId);
            });
        }

        await Eventually.Until(() => Task.FromResult(timers.Consumed + timers.Faulted), n => n >= Races, TimeSpan.FromSeconds(60),
            "every late timer handled");
        Assert.Equal(0, timers.Faulted);
        Assert.Equal(Races, await host.Database.Count(
            "SELECT count(*) FROM cart_abandonment_state WHERE correlation_id = ANY(@ids) AND outcome = 'converted'", ("ids", carts.ToArray())));
        Assert.Empty(await queues.DeadLettered());
        Assert.Empty(logs.Errors);
        Assert.DoesNotContain(host.EmailRequests.Received, r => carts.Contains(r.Message.JourneyId));
    }
}
