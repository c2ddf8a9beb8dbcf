using System.Text;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Service.Operations;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

namespace CartRecovery.IntegrationTests.Operations;

/// <summary>A message shaped like one MassTransit moved to an error queue, on queues of the spec's own, so what the
/// re-drive sends back can be read off the broker before anything consumes it.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_message_with_fault_headers_is_re_driven(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly string _queue = $"it-redrive-{Guid.NewGuid():N}";
    private readonly string _failedOn = $"it-redrive-failed-on-{Guid.NewGuid():N}";
    private readonly byte[] _body = Encoding.UTF8.GetBytes("""{"messageType":["urn:message:Spec:Thing"],"message":{}}""");
    private BrokerQueues _queues = null!;

    private string ErrorQueue => $"{_queue}_error";

    public async Task InitializeAsync()
    {
        _queues = await BrokerQueues.Connect(services.RabbitMq);
        foreach (var queue in new[] { _queue, ErrorQueue, _failedOn })
        {
            await _queues.Declare(queue);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var queue in new[] { _queue, ErrorQueue, _failedOn })
        {
            await _queues.Delete(queue);
        }

        await _queues.DisposeAsync();
    }

    [Fact]
    public async Task Should_keep_the_body_ids_and_own_headers_and_leave_the_fault_headers_behind()
    {
        await _queues.Put(ErrorQueue, Faulted(inputAddress: null), _body);

        var result = await Redrive().RunAsync(new RedriveRequest(ErrorQueue), CancellationToken.None);

        Assert.Equal(1, result.Moved);
        var moved = await _queues.Take(_queue);
        Assert.NotNull(moved);
        Assert.Equal(_body, moved.Body.ToArray());
        Assert.Equal(("message-1", "correlation-1", "application/vnd.masstransit+json", DeliveryModes.Persistent),
            (moved.BasicProperties.MessageId, moved.BasicProperties.CorrelationId, moved.BasicProperties.ContentType, moved.BasicProperties.DeliveryMode));
        var headers = moved.BasicProperties.Headers!;
        Assert.Equal("tenant-a", moved.BasicProperties.HeaderText("x-tenant"));
        Assert.Equal("rabbitmq://localhost/faults", moved.BasicProperties.HeaderText(MessageHeaders.FaultAddress));
        Assert.DoesNotContain(headers.Keys, k => k.StartsWith("MT-Fault-", StringComparison.Ordinal) && k != MessageHeaders.FaultAddress);
        Assert.DoesNotContain(headers.Keys, k => k.StartsWith("MT-Host-", StringComparison.Ordinal) || k == MessageHeaders.Reason);
        Assert.Equal(0u, await _queues.Ready(ErrorQueue));
    }

    [Fact]
    public async Task Should_send_it_to_the_queue_it_failed_on_when_the_message_names_one()
    {
        await _queues.Put(ErrorQueue, Faulted(inputAddress: $"rabbitmq://localhost/{_failedOn}"), _body);

        var dryRun = await Redrive().RunAsync(new RedriveRequest(ErrorQueue, DryRun: true), CancellationToken.None);
        var result = await Redrive().RunAsync(new RedriveRequest(ErrorQueue), CancellationToken.None);

        Assert.Equal(_failedOn, Assert.Single(dryRun.Messages).DestinationQueue);
        Assert.Equal("urn:message:Spec:Thing", dryRun.Messages[0].MessageType);
        Assert.Equal(1, result.Moved);
        Assert.Equal((1u, 0u), (await _queues.Ready(_failedOn), await _queues.Ready(_queue)));
    }

    [Fact]
    public async Task Should_take_no_more_than_the_limit()
    {
        for (var i = 0; i < 3; i++)
        {
            await _queues.Put(ErrorQueue, Faulted(inputAddress: null), _body);
        }

        var result = await Redrive().RunAsync(new RedriveRequest(ErrorQueue, Limit: 2), CancellationToken.None);

        Assert.Equal((3, 2), (result.Waiting, result.Moved));
        Assert.Equal((2u, 1u), (await _queues.Ready(_queue), await _queues.Ready(ErrorQueue)));
    }

    private ErrorQueueRedrive Redrive() => new(services.RabbitMq, NullLogger<ErrorQueueRedrive>.Instance);

    private static BasicProperties Faulted(string? inputAddress) => new()
    {
        MessageId = "message-1",
        CorrelationId = "correlation-1",
        ContentType = "application/vnd.masstransit+json",
        DeliveryMode = DeliveryModes.Persistent,
        Headers = new Dictionary<string, object?>
        {
            ["x-tenant"] = "tenant-a",
            [MessageHeaders.FaultAddress] = "rabbitmq://localhost/faults",
            [MessageHeaders.Reason] = "fault",
            [MessageHeaders.FaultExceptionType] = "System.InvalidOperationException",
            [MessageHeaders.FaultMessage] = "Bug",
            [MessageHeaders.FaultStackTrace] = "at Somewhere()",
            [MessageHeaders.FaultTimestamp] = "2026-01-01T00:00:00Z",
            [MessageHeaders.FaultConsumerType] = "Spec.Consumer",
            [MessageHeaders.FaultRetryCount] = 5,
            [MessageHeaders.FaultInputAddress] = inputAddress,
            [MessageHeaders.Host.MachineName] = "box",
            [MessageHeaders.Host.ProcessId] = "42",
        },
    };
}
