using System.Globalization;
using System.Text;
using MassTransit;
using RabbitMQ.Client;

namespace CartRecovery.Service.Operations;

/// <summary>
/// The headers MassTransit 8 adds when it moves a message to an error queue (<c>SetExceptionHeaders</c> and
/// <c>SetHostHeaders</c> in its RabbitMQ move transport). They describe one failed attempt, not the message, so a
/// re-driven message leaves them behind; a new failure writes fresh ones.
/// </summary>
public static class FaultHeaders
{
    // MT-Fault-Address is not among them: it is the envelope's fault address, part of the message itself.
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        MessageHeaders.Reason,
        MessageHeaders.FaultExceptionType,
        MessageHeaders.FaultInputAddress,
        MessageHeaders.FaultMessage,
        MessageHeaders.FaultMessageType,
        MessageHeaders.FaultConsumerType,
        MessageHeaders.FaultTimestamp,
        MessageHeaders.FaultStackTrace,
        MessageHeaders.FaultRetryCount,
        MessageHeaders.FaultRedeliveryCount,
        MessageHeaders.Host.Info,
        MessageHeaders.Host.MachineName,
        MessageHeaders.Host.ProcessName,
        MessageHeaders.Host.ProcessId,
        MessageHeaders.Host.Assembly,
        MessageHeaders.Host.AssemblyVersion,
        MessageHeaders.Host.MassTransitVersion,
        MessageHeaders.Host.FrameworkVersion,
        MessageHeaders.Host.OperatingSystemVersion,
    };

    public static bool IsFaultHeader(string name) => Names.Contains(name);

    /// <summary>The message's own properties (ids, content type, persistence, its headers) without the fault headers.</summary>
    public static BasicProperties WithoutFaultHeaders(this IReadOnlyBasicProperties properties)
    {
        var copy = new BasicProperties(properties);
        if (properties.Headers is { } headers)
        {
            copy.Headers = headers.Where(h => !IsFaultHeader(h.Key)).ToDictionary(h => h.Key, h => h.Value);
        }

        return copy;
    }

    /// <summary>A header as text (AMQP carries strings as bytes), or null when the message does not have it.</summary>
    public static string? HeaderText(this IReadOnlyBasicProperties properties, string name) =>
        properties.Headers is { } headers && headers.TryGetValue(name, out var value)
            ? value switch
            {
                null => null,
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;
}
