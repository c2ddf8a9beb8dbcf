using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using Microsoft.Extensions.Options;

namespace CartRecovery.Scheduling;

/// <summary>Gives every consumed message the Quartz-backed scheduler that saga <c>Schedule</c> activities use.
/// Sits outside the outbox, which re-wraps it so scheduling stays inside the message's unit of work.</summary>
public sealed class QuartzMessageSchedulerFilter(QuartzSchedulerHolder holder, IOptions<SchedulerOptions> options)
    : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context, CreateScheduler));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("quartz-scheduler");

    private IMessageScheduler CreateScheduler(ConsumeContext context) =>
        new MessageScheduler(QuartzScheduleMessageProvider.For(holder, context, options), context.GetPayload<IBusTopology>());
}
