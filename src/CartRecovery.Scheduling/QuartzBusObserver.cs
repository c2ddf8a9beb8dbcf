using MassTransit;

namespace CartRecovery.Scheduling;

/// <summary>Timers fire only while the bus can carry them: start after the bus is up, stand by before it stops.</summary>
public sealed class QuartzBusObserver(QuartzSchedulerHolder holder) : IBusObserver
{
    public void PostCreate(IBus bus)
    {
    }

    public void CreateFaulted(Exception exception)
    {
    }

    public Task PreStart(IBus bus) => Task.CompletedTask;

    public async Task PostStart(IBus bus, Task<BusReady> busReady)
    {
        await busReady;
        await holder.Scheduler.Start();
    }

    public Task StartFaulted(IBus bus, Exception exception) => Task.CompletedTask;

    public async Task PreStop(IBus bus) => await holder.Scheduler.Standby();

    public Task PostStop(IBus bus) => Task.CompletedTask;

    public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;
}
