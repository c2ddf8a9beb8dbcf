using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

public sealed class RecordingConsumer<T>(MessageLog<T> log) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        log.Add(context);
        return Task.CompletedTask;
    }
}
