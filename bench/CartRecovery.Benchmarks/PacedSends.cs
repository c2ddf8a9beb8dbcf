using System.Diagnostics;

namespace CartRecovery.Benchmarks;

/// <summary>Starts one send per slot of a steady rate without waiting for the ones before, so a slow send cannot hold
/// back the schedule and hide its own delay from the latency it causes.</summary>
internal static class PacedSends
{
    /// <returns>When each send started, by index.</returns>
    public static async Task<DateTime[]> Run(int count, double perSecond, Func<int, Task> send)
    {
        var started = new DateTime[count];
        var sends = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var delay = TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed;
            if (delay > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(delay);
            }

            started[i] = DateTime.UtcNow;
            sends.Add(send(i));
        }

        await Task.WhenAll(sends);
        return started;
    }
}
