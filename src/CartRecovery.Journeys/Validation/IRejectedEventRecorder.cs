namespace CartRecovery.Journeys.Validation;

/// <summary>Keeps a record of every event refused by validation, beside the copy in the error queue.</summary>
public interface IRejectedEventRecorder
{
    Task RecordAsync(RejectedEvent rejected, CancellationToken cancellationToken);
}
