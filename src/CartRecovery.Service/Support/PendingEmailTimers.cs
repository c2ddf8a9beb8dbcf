using CartRecovery.Scheduling;
using Npgsql;
using Quartz;

namespace CartRecovery.Service.Support;

/// <summary>
/// Emails the dispatcher deferred (quiet hours, a full frequency cap) wait as Quartz timers holding the whole
/// request. Ending a journey or erasing a customer removes them, so nothing goes out afterwards.
/// </summary>
public sealed class PendingEmailTimers(NpgsqlDataSource dataSource, QuartzSchedulerHolder scheduler)
{
    public Task<int> RemoveForCustomer(string customerId, CancellationToken cancellationToken) =>
        RemoveWhere("customerId", [customerId], cancellationToken);

    public Task<int> RemoveForJourneys(IEnumerable<Guid> emailJourneyIds, CancellationToken cancellationToken) =>
        RemoveWhere("journeyId", [.. emailJourneyIds.Select(id => id.ToString("D"))], cancellationToken);

    private async Task<int> RemoveWhere(string field, string[] values, CancellationToken cancellationToken)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        // The message body sits inside the job data as JSON, so a field may be stored plain or escaped.
        var needles = values.SelectMany(v => new[] { $"\"{field}\":\"{v}\"", $"\\\"{field}\\\":\\\"{v}\\\"" }).ToArray();
        await using var command = dataSource.CreateCommand("""
            SELECT trigger_name, trigger_group FROM qrtz_triggers
            WHERE EXISTS (SELECT 1 FROM unnest(@needles) AS needle WHERE position(convert_to(needle, 'UTF8') in job_data) > 0)
            """);
        command.Parameters.AddWithValue("needles", needles);
        var keys = new List<TriggerKey>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(new TriggerKey(reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var key in keys)
        {
            await scheduler.Scheduler.UnscheduleJob(key, cancellationToken);
        }

        return keys.Count;
    }
}
