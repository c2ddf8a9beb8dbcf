using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;

namespace CartRecovery.Scheduling;

/// <summary>Gives every consumed message the timer-table scheduler that saga <c>Schedule</c> activities and durable
/// redelivery use. Inside a message transaction its writes join that transaction (<see cref="TimerWriteBuffer"/>).</summary>
public sealed class TimerSchedulerFilter(TimerTable table, TimerSubject subject) : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context, CreateScheduler));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("timer-table-scheduler");

    private IMessageScheduler CreateScheduler(ConsumeContext context) =>
        new MessageScheduler(new TimerScheduleMessageProvider(table, subject, context), context.GetPayload<IBusTopology>());
}
