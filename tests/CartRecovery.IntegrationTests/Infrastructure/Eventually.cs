namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Waits for a condition on real infrastructure (a row, a queue, a fired timer) with a deadline; fails
/// with what was last seen. Never a fixed sleep: it returns as soon as the condition holds.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(PollInterval);
        var last = await probe();
        while (!condition(last))
        {
            try
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{what}: not reached within {timeout}; last seen: {last}");
            }

            last = await probe();
        }

        return last;
    }
}
