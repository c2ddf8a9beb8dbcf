using System.Net;
using System.Net.Sockets;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>A TCP relay on loopback that a spec can cut and restore, to take the broker away from one host
/// without touching the broker every other spec shares.</summary>
public sealed class LoopbackTcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource _running = new();

    public LoopbackTcpProxy(string targetHost, int targetPort)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(targetHost).First(a => a.AddressFamily == AddressFamily.InterNetwork), targetPort);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public void Open()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptLoop(_listener, _running.Token);
    }

    /// <summary>Drops every relayed connection and refuses new ones until <see cref="Open"/>.</summary>
    public void Cut()
    {
        _running.Cancel();
        _listener?.Stop();
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
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
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(_target, cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(client);
                _connections.Add(upstream);
            }

            _ = Relay(client.GetStream(), upstream.GetStream(), cancellationToken);
            _ = Relay(upstream.GetStream(), client.GetStream(), cancellationToken);
        }
    }

    private static async Task Relay(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // A cut connection ends its relay; the other direction notices on its own.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
