using System.Collections.Concurrent;
using System.Text;

namespace CartRecovery.Benchmarks;

/// <summary>Watches the SMTP sink's maildir for one run's emails from now on. The last-write time of a message file is
/// when the sink received that email. New files are learnt from the file system's notifications, not by listing the
/// folder: the sink keeps every email it ever received (74,000 files after a day of runs), and listing them every 50 ms
/// took CPU from the service being measured.</summary>
internal sealed class SinkReceipts : IDisposable
{
    private readonly string _folder;
    private readonly FileSystemWatcher _watcher;
    private readonly ConcurrentQueue<string> _arrived = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly LatencyCustomers _customers;
    private readonly DateTime?[] _received;
    private volatile bool _missedNotifications;

    private SinkReceipts(string folder, LatencyCustomers customers)
    {
        _folder = folder;
        _customers = customers;
        _received = new DateTime?[customers.Count];
        _watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName, InternalBufferSize = 64 * 1024 };
        // The sink writes into tmp/ and renames into new/; either shows up here as a name that appeared.
        _watcher.Created += (_, e) => _arrived.Enqueue(e.FullPath);
        _watcher.Renamed += (_, e) => _arrived.Enqueue(e.FullPath);
        _watcher.Error += (_, _) => _missedNotifications = true;
        _watcher.EnableRaisingEvents = true;
    }

    public static SinkReceipts Watch(string maildir, LatencyCustomers customers)
    {
        var folder = Path.Combine(maildir, "new");
        Directory.CreateDirectory(folder);
        return new SinkReceipts(folder, customers);
    }

    /// <summary>Reads what arrived every 50 ms until every customer's email is in; their receipt times, by customer.</summary>
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

    public void Dispose() => _watcher.Dispose();

    private void Scan()
    {
        if (_missedNotifications)
        {
            // The notification buffer overflowed: fall back to one listing (files read before are skipped).
            _missedNotifications = false;
            foreach (var file in Directory.EnumerateFiles(_folder))
            {
                _arrived.Enqueue(file);
            }
        }

        var unreadable = new List<string>();
        while (_arrived.TryDequeue(out var file))
        {
            if (!_seen.Add(file))
            {
                continue;
            }

            try
            {
                Read(file);
            }
            catch (IOException)
            {
                // Still being written: read it on the next scan.
                _seen.Remove(file);
                unreadable.Add(file);
            }
        }

        unreadable.ForEach(_arrived.Enqueue);
    }

    private void Read(string file)
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
}
