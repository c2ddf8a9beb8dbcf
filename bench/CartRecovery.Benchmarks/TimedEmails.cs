namespace CartRecovery.Benchmarks;

/// <summary>Sends one email's trigger per customer at a steady rate and times each from its send to the SMTP sink's
/// receipt. Each latency run starts a fresh service host, so its first emails also pay for what a host does once
/// (EF compiles each query, the SMTP pool connects, templates load): a run first sends <see cref="WarmUpEmails"/>
/// unmeasured ones through the same path, and the measured emails see the path as a running service has it.</summary>
internal static class TimedEmails
{
    public const int WarmUpEmails = 20;

    public static async Task<LatencyRun> Time(BenchEnvironment env, LatencyCustomers customers, double rate, Func<int, Task> send)
    {
        using var sink = SinkReceipts.Watch(env.Maildir, customers);
        var receipts = Task.Run(() => sink.All(TimeSpan.FromMinutes(3)));
        var published = await PacedSends.Run(customers.Count, rate, send);
        return LatencyRun.From(rate, published, await receipts);
    }
}
