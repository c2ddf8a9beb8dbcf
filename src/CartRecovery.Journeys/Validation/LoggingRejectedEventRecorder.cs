using Microsoft.Extensions.Logging;

namespace CartRecovery.Journeys.Validation;

/// <summary>Records rejections in the structured log. Validation messages name fields, never their values,
/// so no personal data reaches the log.</summary>
public sealed partial class LoggingRejectedEventRecorder(ILogger<LoggingRejectedEventRecorder> logger)
    : IRejectedEventRecorder
{
    public Task RecordAsync(RejectedEvent rejected, CancellationToken cancellationToken)
    {
        LogRejected(rejected.MessageType, rejected.MessageId, rejected.Endpoint, string.Join("; ", rejected.Errors));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Rejected {MessageType} {MessageId} on {Endpoint}: {Errors}")]
    private partial void LogRejected(string messageType, Guid? messageId, string endpoint, string errors);
}
