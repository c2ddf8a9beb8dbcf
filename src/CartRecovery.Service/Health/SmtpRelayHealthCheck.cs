using System.Net.Sockets;
using CartRecovery.Dispatcher.Sending;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CartRecovery.Service.Health;

/// <summary>Whether the SMTP relay takes connections. Its absence degrades the service rather than making it unready:
/// events are still taken and emails wait in the ledger until the relay is back.</summary>
public sealed class SmtpRelayHealthCheck(IOptions<SmtpOptions> options) : IHealthCheck
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var relay = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(relay.Host, relay.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Degraded($"SMTP relay {relay.Host}:{relay.Port} does not accept connections; emails wait for it", ex);
        }
    }
}
