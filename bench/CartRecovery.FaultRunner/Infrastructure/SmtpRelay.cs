using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CartRecovery.FaultRunner.Infrastructure;

/// <summary>
/// The runner's own SMTP relay on loopback, so every count is this scenario's alone. It can be taken down (its port
/// refuses, sessions in progress are dropped) and told to drop the connection after the message data of the next
/// few matching messages without answering: the sender cannot know whether they were delivered.
/// </summary>
internal sealed class SmtpRelay : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedEmail> _accepted = new();
    private readonly ConcurrentQueue<ReceivedEmail> _dropped = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _sessions = new();
    private TcpListener? _listener;
    private CancellationTokenSource _running = new();
    private Func<ReceivedEmail, bool> _dropAfterData = _ => false;
    private int _dropsLeft;

    public int Port { get; } = FreePort.Next();

    /// <summary>Messages answered 250, in arrival order.</summary>
    public IReadOnlyList<ReceivedEmail> Accepted => [.. _accepted];

    /// <summary>Messages whose data arrived in full but whose connection was dropped before the answer.</summary>
    public IReadOnlyList<ReceivedEmail> Dropped => [.. _dropped];

    public void Up()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptLoop(_listener, _running.Token);
    }

    public void Down()
    {
        _running.Cancel();
        _listener?.Stop();
        _listener = null;
        foreach (var session in _sessions.Keys)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }

    /// <summary>The next <paramref name="count"/> messages that match are dropped after their data.</summary>
    public void DropAfterData(int count, Func<ReceivedEmail, bool> match)
    {
        _dropAfterData = match;
        Volatile.Write(ref _dropsLeft, count);
    }

    public ValueTask DisposeAsync()
    {
        Down();
        _running.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptLoop(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _sessions[client] = 0;
            _ = Serve(client, cancellationToken);
        }
    }

    private async Task Serve(TcpClient client, CancellationToken cancellationToken)
    {
        using var owned = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fault-runner ESMTP");
            var recipient = "";
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 fault-runner");
                        break;
                    case "RCPT":
                        recipient = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>');
                        await writer.WriteLineAsync("250 recipient ok");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 go ahead");
                        var email = await ReadMessage(reader, recipient, cancellationToken);
                        if (email is not null && _dropAfterData(email) && Interlocked.Decrement(ref _dropsLeft) >= 0)
                        {
                            _dropped.Enqueue(email);
                            return;
                        }

                        if (email is not null)
                        {
                            _accepted.Enqueue(email);
                        }

                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The sender went away, or the relay went down under it.
        }
        finally
        {
            _sessions.TryRemove(client, out _);
        }
    }

    private static async Task<ReceivedEmail?> ReadMessage(StreamReader reader, string recipient, CancellationToken cancellationToken)
    {
        string? messageId = null;
        var inHeaders = true;
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line != ".")
        {
            if (line.Length == 0)
            {
                inHeaders = false;
            }
            else if (inHeaders && line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
            {
                messageId = line["Message-ID:".Length..].Trim().Trim('<', '>');
            }
        }

        return Parse(messageId, recipient);
    }

    private static ReceivedEmail? Parse(string? messageId, string recipient)
    {
        var local = messageId?.Split('@')[0].Split('.');
        return local is [var journey, var step]
            && Guid.TryParseExact(journey, "N", out var journeyId)
            && int.TryParse(step, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? new ReceivedEmail(journeyId, number, recipient, DateTimeOffset.UtcNow)
            : new ReceivedEmail(Guid.Empty, 0, recipient, DateTimeOffset.UtcNow);
    }
}
