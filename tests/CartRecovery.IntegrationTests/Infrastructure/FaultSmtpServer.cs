using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>
/// A small in-process SMTP server on loopback, speaking just enough SMTP (greeting, EHLO, MAIL, RCPT, DATA, QUIT,
/// no pipelining) to be scripted: each new session takes the next <see cref="SmtpFault"/> from the script; once
/// the script is used up, sessions succeed. It keeps the messages it accepted.
/// </summary>
public sealed class FaultSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<SmtpFault> _script = new();
    private readonly ConcurrentQueue<string> _accepted = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private int _sessions;

    public FaultSmtpServer(params SmtpFault[] script)
    {
        foreach (var fault in script)
        {
            _script.Enqueue(fault);
        }

        _listener.Start();
        _ = AcceptLoop();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The raw data of every message the server answered 250 to.</summary>
    public IReadOnlyList<string> Accepted => [.. _accepted];

    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Closes every open session without a word, as a relay does with clients idle past its limit.</summary>
    public void DropOpenSessions()
    {
        foreach (var client in _open.Keys)
        {
            client.Client.Shutdown(SocketShutdown.Both);
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _stopping.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _sessions);
            _ = Serve(client, _script.TryDequeue(out var fault) ? fault : null);
        }
    }

    private async Task Serve(TcpClient client, SmtpFault? fault)
    {
        using var owned = client;
        _open[client] = 0;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };

            // Answers the phase as scripted; false means the session ends here.
            async Task<bool> At(SmtpPhase phase, string reply)
            {
                if (fault?.Phase != phase)
                {
                    await writer.WriteLineAsync(reply);
                    return true;
                }

                if (fault.ReplyCode is not { } code)
                {
                    return false;
                }

                await writer.WriteLineAsync($"{code} scripted refusal");
                return phase != SmtpPhase.Greeting;
            }

            if (!await At(SmtpPhase.Greeting, "220 fault.local ESMTP"))
            {
                return;
            }

            while (await reader.ReadLineAsync(_stopping.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var goOn = verb switch
                {
                    "EHLO" or "HELO" => await At(SmtpPhase.Ehlo, "250 fault.local"),
                    "MAIL" => await At(SmtpPhase.MailFrom, "250 sender ok"),
                    "RCPT" => await At(SmtpPhase.RcptTo, "250 recipient ok"),
                    "DATA" => await At(SmtpPhase.DataCommand, "354 go ahead") && await ReceiveData(reader, writer, fault),
                    "QUIT" => await At(SmtpPhase.Quit, "221 bye") && false,
                    "RSET" or "NOOP" => await Reply(writer, "250 ok"),
                    _ => await Reply(writer, "502 not implemented"),
                };
                if (!goOn)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away: nothing to record.
        }
        finally
        {
            _open.TryRemove(client, out _);
        }
    }

    private async Task<bool> ReceiveData(StreamReader reader, StreamWriter writer, SmtpFault? fault)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stopping.Token) is { } line && line != ".")
        {
            data.AppendLine(line);
        }

        if (fault?.Phase == SmtpPhase.EndOfData)
        {
            // Dropped: the client sent everything and never hears back. Refused: nothing was accepted.
            return fault.ReplyCode is { } code && await Reply(writer, $"{code} scripted refusal");
        }

        _accepted.Enqueue(data.ToString());
        return await Reply(writer, "250 queued");
    }

    private static async Task<bool> Reply(StreamWriter writer, string reply)
    {
        await writer.WriteLineAsync(reply);
        return true;
    }
}
