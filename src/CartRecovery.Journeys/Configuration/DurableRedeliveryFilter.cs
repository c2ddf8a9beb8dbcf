using MassTransit;

namespace CartRecovery.Journeys.Configuration;

/// <summary>
/// When a dependency stays away past the immediate retries, schedules the whole message back to its queue (durably,
/// through the timer store) after the next of <see cref="JourneyEndpointOptions.RedeliveryIntervals"/>, keeping its id
/// and headers. Only after the last interval does the failure reach the error pipe. Runs once per message, outside
/// the message's transaction, so every consumer of the message gets the redelivered copy together.
/// </summary>
public sealed class DurableRedeliveryFilter(JourneyMessageTypes types, IReadOnlyList<TimeSpan> intervals) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception)
            && context.GetRedeliveryCount() < intervals.Count
            && types.Of(context) is not null
            && context.TryGetPayload<MessageSchedulerContext>(out _))
        {
            await types.Of(context)!.Redeliver(context, context.GetPayload<MessageSchedulerContext>(), intervals[context.GetRedeliveryCount()]);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("durable-redelivery");
}
