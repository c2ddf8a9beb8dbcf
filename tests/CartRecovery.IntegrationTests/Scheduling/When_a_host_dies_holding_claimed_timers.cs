using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.IntegrationTests.Scheduling;

/// <summary>An instance claims a batch of due timers and dies before sending any (as a kill -9 mid-drain leaves
/// them): the spec plays that instance by claiming through the table itself and never sending.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_host_dies_holding_claimed_timers(ServiceEndpoints services)
{
    private const int Timers = 300;

    [Fact]
    public async Task Should_fire_every_one_once_when_the_lease_runs_out()
    {
        var database = await services.CreateDatabase();
        await using var survivor = await TestHost.Start(services, database, o => o.PurgeQueues = true);
        var table = survivor.Services.GetRequiredService<TimerTable>();
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        var ids = await TimerStore.ScheduleProbes(survivor, [.. Enumerable.Range(0, Timers).Select(_ => due)]);

        // Claimed as of their due time, so the doomed instance holds every one before the survivor could.
        var claimedByTheDead = await table.Claim(Timers, due, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal(Timers, claimedByTheDead.Count);

        var received = await survivor.TimerProbes.WaitFor(p => ids.Contains(p.Id), count: Timers, TimeSpan.FromSeconds(60));
        Assert.Equal(ids.Order(), received.Select(r => r.Message.Id).Order());
        await Eventually.Until(() => survivor.Database.Count("SELECT count(*) FROM scheduled_timer"), n => n == 0,
            TimeSpan.FromSeconds(10), "every timer completed");
        Assert.Equal(Timers, survivor.TimerProbes.Received.Count(r => ids.Contains(r.Message.Id)));
    }
}
