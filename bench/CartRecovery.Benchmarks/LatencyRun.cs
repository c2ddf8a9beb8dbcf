using HdrHistogram;

namespace CartRecovery.Benchmarks;

/// <summary>One latency run: each email timed from its publish to the SMTP sink's receipt.</summary>
internal sealed record LatencyRun
{
    public required int Emails { get; init; }
    public required double OfferedRate { get; init; }
    public required double DeliveredRate { get; init; }
    public required double P50Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double P999Ms { get; init; }
    public required double MaxMs { get; init; }

    /// <param name="published">When each email's triggering message was published, in publish order.</param>
    /// <param name="received">When the sink received each, by the same index.</param>
    public static LatencyRun From(double offeredRate, IReadOnlyList<DateTime> published, IReadOnlyList<DateTime> received)
    {
        var histogram = new LongHistogram(TimeStamp.Hours(1), 3);
        for (var i = 0; i < published.Count; i++)
        {
            histogram.RecordValue(Math.Max(1, (long)(received[i] - published[i]).TotalMicroseconds));
        }

        var span = (received.Max() - published[0]).TotalSeconds;
        return new LatencyRun
        {
            Emails = published.Count,
            OfferedRate = offeredRate,
            DeliveredRate = published.Count / span,
            P50Ms = histogram.GetValueAtPercentile(50) / 1000.0,
            P99Ms = histogram.GetValueAtPercentile(99) / 1000.0,
            P999Ms = histogram.GetValueAtPercentile(99.9) / 1000.0,
            MaxMs = histogram.GetMaxValue() / 1000.0,
        };
    }
}
