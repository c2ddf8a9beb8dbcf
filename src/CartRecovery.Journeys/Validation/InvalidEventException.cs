namespace CartRecovery.Journeys.Validation;

/// <summary>An inbound event broke its contract. Never retried: the message goes to the error queue with
/// these reasons in its fault headers.</summary>
public sealed class InvalidEventException : Exception
{
    public InvalidEventException()
    {
        Errors = [];
    }

    public InvalidEventException(string message)
        : base(message)
    {
        Errors = [message];
    }

    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public InvalidEventException(string messageType, IReadOnlyList<string> errors)
        : base($"Invalid {messageType}: {string.Join("; ", errors)}")
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
