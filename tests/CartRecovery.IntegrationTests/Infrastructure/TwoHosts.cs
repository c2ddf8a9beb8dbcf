namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Two service hosts on one new database, as two instances of a cluster, for specs that race them.</summary>
public static class TwoHosts
{
    /// <summary>The first host purges the queues. Carts stay open for five minutes, so no timer fires while a spec
    /// counts rows, however slow the box.</summary>
    public static async Task<(TestHost A, TestHost B)> WithQuietTimers(ServiceEndpoints services)
    {
        var database = await services.CreateDatabase();
        var a = await TestHost.Start(services, database, o =>
        {
            o.PurgeQueues = true;
            o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00";
        });
        var b = await TestHost.Start(services, database, o => o.Settings["Journeys:CartAbandonment:IdleTimeout"] = "00:05:00");
        return (a, b);
    }
}
