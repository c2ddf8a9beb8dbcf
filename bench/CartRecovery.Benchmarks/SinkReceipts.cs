using System.Text;

namespace CartRecovery.Benchmarks;

/// <summary>Watches the SMTP sink's maildir for one run's emails from now on. The last-write time of a message file is
/// when the sink received that email.</summary>
internal sealed class SinkReceipts
{
    private readonly string _folder;
    private readonly HashSet<string> _seen;
    private readonly LatencyCustomers _customers;
    private readonly DateTime?[] _received;

    private SinkReceipts(string folder, LatencyCustomers customers)
    {
        _folder = folder;
        // What is already in the sink belongs to someone else; reading it again would only slow the scans.
        _seen = new HashSet<string>(Directory.EnumerateFiles(folder), StringComparer.Ordinal);
        _customers = customers;
        _received = new DateTime?[customers.Count];
    }

    public static SinkReceipts Watch(string maildir, LatencyCustomers customers)
    {
        var folder = Path.Combine(maildir, "new");
        Directory.CreateDirectory(folder);
        return new SinkReceipts(folder, customers);
    }

    /// <summary>Scans every 50 ms until every customer's email is in; their receipt times, by customer.</summary>
    public async Task<DateTime[]> All(TimeSpan within)
    {
        using var stop = new CancellationTokenSource(within);
        while (_received.Any(r => r is null))
        {
            try
            {
                await Task.Delay(50, stop.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_received.Count(r => r is null)} of {_received.Length} emails not received within {within.TotalMinutes:F0} minutes");
            }

            Scan();
        }

        return [.. _received.Select(r => r!.Value)];
    }

    private void Scan()
    {
        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            if (!_seen.Add(file))
            {
                continue;
            }

            try
            {
                var written = File.GetLastWriteTimeUtc(file);
                var buffer = new char[16384];
                int read;
                using (var reader = new StreamReader(file, Encoding.UTF8))
                {
                    read = reader.ReadBlock(buffer, 0, buffer.Length);
                }

                if (_customers.RecipientIn(new string(buffer, 0, read)) is { } index)
                {
                    _received[index] ??= written;
                }
            }
            catch (IOException)
            {
                // Still being written: read it on the next scan.
                _seen.Remove(file);
            }
        }
    }
}
