using CartRecovery.Journeys.Validation;
using MassTransit;
using MassTransit.Middleware;

namespace CartRecovery.Journeys.Configuration;

/// <summary>What the journey pipeline does with one message type before the message is dispatched to its
/// consumers, where only the untyped message is at hand.</summary>
public interface IJourneyMessageType
{
    string PartitionKey(ConsumeContext context);

    Task Validate(ConsumeContext context, EventValidation validation);

    /// <summary>Schedules the message back to its queue after <paramref name="delay"/> and settles this delivery.</summary>
    Task Redeliver(ConsumeContext context, MessageSchedulerContext scheduler, TimeSpan delay);
}

public sealed class JourneyMessageType<T> : IJourneyMessageType
    where T : class
{
    private readonly Func<T, string> _key = JourneyPartitionKey.For<T>();

    public string PartitionKey(ConsumeContext context) =>
        context.TryGetMessage<T>(out var typed) ? _key(typed.Message) : "";

    public Task Validate(ConsumeContext context, EventValidation validation) =>
        context.TryGetMessage<T>(out var typed) ? validation.Validate(typed) : Task.CompletedTask;

    public async Task Redeliver(ConsumeContext context, MessageSchedulerContext scheduler, TimeSpan delay)
    {
        if (!context.TryGetMessage<T>(out var typed))
        {
            throw new InvalidOperationException($"{typeof(T).Name} could not be read for redelivery.");
        }

        // The same id, so the inbox recognises the copy if the broker also hands back the original.
        await scheduler.ScheduleSend(delay, typed.Message,
            new CopyContextPipe(typed, (consume, send) => send.ApplyRedeliveryOptions(consume, RedeliveryOptions.None)));
        await context.NotifyConsumed(typed, context.ReceiveContext.ElapsedTime, "durable-redelivery");
    }
}
