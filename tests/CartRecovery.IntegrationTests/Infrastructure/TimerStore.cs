using CartRecovery.Scheduling;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Schedules many timers at once through the service's own provider, in one transaction, as a saga does.</summary>
public static class TimerStore
{
    public static readonly Uri ProbeQueue = new("queue:test-timer-probe");

    public static async Task<IReadOnlyList<Guid>> ScheduleProbes(TestHost host, IReadOnlyList<DateTimeOffset> dueTimes)
    {
        var table = host.Services.GetRequiredService<TimerTable>();
        var provider = new TimerScheduleMessageProvider(table, host.Services.GetRequiredService<TimerSubject>(), consumeContext: null);

        var ids = new List<Guid>(dueTimes.Count);
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var buffer = TimerWriteBuffer.Begin();
        try
        {
            foreach (var due in dueTimes)
            {
                var probe = new TimerProbe { Id = NewId.NextGuid() };
                await provider.ScheduleSend(ProbeQueue, due.UtcDateTime, probe, Pipe.Empty<SendContext<TimerProbe>>(), CancellationToken.None);
                ids.Add(probe.Id);
            }

            await table.Write(buffer, connection, transaction, CancellationToken.None);
            await transaction.CommitAsync();
        }
        finally
        {
            buffer.Close();
        }

        return ids;
    }
}
