using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Journeys;
using CartRecovery.Scheduling;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CartRecovery.IntegrationTests.Operations;

/// <summary>An earlier version consumed from one queue per journey. Events waiting in the old cart queue and a timer
/// addressed to it still reach the cart journey once the new version starts, and the old queue is retired.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_an_installation_upgrades_from_queues_per_journey(ServiceEndpoints services) : IAsyncLifetime
{
    private const string LegacyCartQueue = "cart-abandonment";
    private readonly Guid _waitingCart = Guid.NewGuid();
    private readonly Guid _timerCart = Guid.NewGuid();
    private BrokerQueues _queues = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _queues = await BrokerQueues.Connect(services.RabbitMq);
        await _queues.DeclareConsumerQueue(LegacyCartQueue, "CartRecovery.Contracts:CartItemAdded");
        await _queues.Put(LegacyCartQueue, RawEnvelope.Properties(), RawEnvelope.Body(CartEvents.ItemAdded(_waitingCart)));

        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00");
        await ScheduleForLegacyQueue(CartEvents.ItemAdded(_timerCart));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _queues.DisposeAsync();
    }

    [Fact]
    public async Task Should_deliver_the_waiting_event_and_the_timer_to_the_cart_journey()
    {
        await Eventually.Until(() => _host.Database.CartState(_waitingCart), s => s == "Active", TimeSpan.FromSeconds(30), "waiting event applied");
        await Eventually.Until(() => _host.Database.CartState(_timerCart), s => s == "Active", TimeSpan.FromSeconds(30), "timer delivered");
    }

    [Fact]
    public async Task Should_retire_the_old_queue_so_new_events_no_longer_pile_up_there()
    {
        await Eventually.Until(() => _host.Database.CartState(_waitingCart), s => s == "Active", TimeSpan.FromSeconds(30), "waiting event applied");

        Assert.False(await _queues.Exists(LegacyCartQueue));
    }

    private async Task ScheduleForLegacyQueue(CartItemAdded message)
    {
        var table = _host.Services.GetRequiredService<TimerTable>();
        var provider = new TimerScheduleMessageProvider(table, _host.Services.GetRequiredService<TimerSubject>(), consumeContext: null);
        await using var connection = new NpgsqlConnection(_host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var buffer = TimerWriteBuffer.Begin();
        try
        {
            await provider.ScheduleSend(new Uri($"queue:{LegacyCartQueue}"), DateTime.UtcNow, message,
                Pipe.Empty<SendContext<CartItemAdded>>(), CancellationToken.None);
            await table.Write(buffer, connection, transaction, CancellationToken.None);
            await transaction.CommitAsync();
        }
        finally
        {
            buffer.Close();
        }
    }
}
