using CartRecovery.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CartRecovery.Service.Health;

public sealed class SchedulerHealthCheck(QuartzSchedulerHolder holder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = holder.IsCreated ? holder.Scheduler.Status : SchedulerStatus.Unknown;
        return Task.FromResult(status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Scheduler is {status}"));
    }
}
