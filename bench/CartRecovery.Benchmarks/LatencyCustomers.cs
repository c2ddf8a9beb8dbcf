using System.Globalization;
using System.Text.RegularExpressions;
using MassTransit;

namespace CartRecovery.Benchmarks;

/// <summary>One latency run's customers: each has an address of its own and marketing consent, so the dispatcher sends
/// each one email with no cooldown or cap in the way. The address names the customer, which is how the run finds
/// its emails among everything else in the SMTP sink.</summary>
internal sealed class LatencyCustomers
{
    private readonly string _tag = $"lat{Guid.NewGuid().ToString("N")[..8]}";
    private readonly Regex _address;

    public LatencyCustomers(int count)
    {
        Count = count;
        _address = new Regex($"{_tag}-(\\d+)@example\\.com", RegexOptions.CultureInvariant);
    }

    public int Count { get; }

    public string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"{_tag}-{i}");

    public string Email(int i) => $"{Id(i)}@example.com";

    /// <summary>A SQL LIKE pattern that matches this run's customer ids and no one else's.</summary>
    public string IdPattern => $"{_tag}-%";

    /// <summary>The index of the customer an email's text is addressed to, or null when it is not one of ours.</summary>
    public int? RecipientIn(string text)
    {
        var match = _address.Match(text);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var index) && index < Count
            ? index
            : null;
    }

    /// <summary>Publishes every customer's profile and waits until all are projected.</summary>
    public async Task Publish(IBus bus, BenchDatabase database)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, cancellationToken) => await bus.Publish(CartEvents.Profile(Id(i), Email(i)), cancellationToken));
        await database.WaitForCount($"/* bench-probe */ SELECT count(*) FROM customer_profile WHERE email IS NOT NULL AND customer_id LIKE '{IdPattern}'", Count,
            TimeSpan.FromMinutes(2), "customer profiles were not projected");
    }
}
