using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher.Sending;

/// <summary>
/// Open, idle relay sessions kept for the next email. A session per email cost a TCP (and, against a real relay, a
/// TLS) handshake, EHLO and QUIT each time, and relays throttle new connections; a kept session sends the next
/// email at once. Sessions idle past <see cref="SmtpOptions.IdleConnectionTimeout"/> are closed rather than reused,
/// because relays drop quiet clients on their own schedule.
/// </summary>
public sealed class SmtpConnectionPool(IOptions<SmtpOptions> options, TimeProvider clock) : IAsyncDisposable
{
    private readonly Stack<(PhaseTrackingSmtpClient Client, DateTimeOffset IdleSince)> _idle = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>A connected session that was recently used, ready for a new message, or null when there is none.</summary>
    internal PhaseTrackingSmtpClient? TakeIdle()
    {
        var timeout = options.Value.IdleConnectionTimeout;
        while (true)
        {
            PhaseTrackingSmtpClient client;
            DateTimeOffset idleSince;
            lock (_gate)
            {
                if (_idle.Count == 0)
                {
                    return null;
                }

                (client, idleSince) = _idle.Pop();
            }

            if (client.IsConnected && clock.GetUtcNow() - idleSince < timeout)
            {
                client.BeginMessage();
                return client;
            }

            client.Dispose();
        }
    }

    /// <summary>Keeps a session whose last email the relay accepted; closes it with QUIT when the pool is full.</summary>
    internal async Task Return(PhaseTrackingSmtpClient client)
    {
        lock (_gate)
        {
            if (!_disposed && client.IsConnected && _idle.Count < options.Value.MaxIdleConnections)
            {
                _idle.Push((client, clock.GetUtcNow()));
                return;
            }
        }

        await Close(client);
    }

    public async ValueTask DisposeAsync()
    {
        List<PhaseTrackingSmtpClient> open;
        lock (_gate)
        {
            _disposed = true;
            open = [.. _idle.Select(i => i.Client)];
            _idle.Clear();
        }

        foreach (var client in open)
        {
            await Close(client);
        }
    }

    private static async Task Close(PhaseTrackingSmtpClient client)
    {
        using (client)
        {
            try
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Net.Smtp.SmtpCommandException or InvalidOperationException)
            {
                // The relay already answered 250 for every email on this session: how QUIT ends changes nothing.
            }
        }
    }
}
