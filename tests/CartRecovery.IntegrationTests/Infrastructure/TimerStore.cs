using CartRecovery.Scheduling;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Schedules many timers at once through the service's own provider, in one transaction.</summary>
public static class TimerStore
{
    public static readonly Uri ProbeQueue = new("queue:test-timer-probe");

    public static async Task<IReadOnlyList<Guid>> ScheduleProbes(TestHost host, IReadOnlyList<DateTimeOffset> dueTimes)
    {
        var scheduler = host.Services.GetRequiredService<QuartzSchedulerHolder>().Scheduler;
        var provider = new QuartzScheduleMessageProvider(scheduler, consumeContext: null,
            host.Services.GetRequiredService<IOptions<SchedulerOptions>>().Value);

        var ids = new List<Guid>(dueTimes.Count);
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        using (scheduler.EnlistTransaction(transaction))
        {
            foreach (var due in dueTimes)
            {
                var probe = new TimerProbe { Id = NewId.NextGuid() };
                await provider.ScheduleSend(ProbeQueue, due.UtcDateTime, probe, Pipe.Empty<SendContext<TimerProbe>>(), CancellationToken.None);
                ids.Add(probe.Id);
            }

            await transaction.CommitAsync();
        }

        return ids;
    }
}
