using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>Gives every consumed message the <see cref="ManualScheduler"/> as its scheduler, the way MassTransit's
/// own scheduler filters do.</summary>
public sealed class ManualSchedulerFilter(ManualScheduler scheduler) : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() =>
            new ConsumeMessageSchedulerContext(context, c => new MessageScheduler(scheduler, c.GetPayload<IBusTopology>())));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("manual-scheduler");
}
