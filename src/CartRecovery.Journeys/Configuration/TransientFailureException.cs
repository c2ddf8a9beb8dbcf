namespace CartRecovery.Journeys.Configuration;

/// <summary>Thrown from the error pipe so the transport returns the message to its queue.</summary>
public sealed class TransientFailureException : Exception
{
    public TransientFailureException()
    {
    }

    public TransientFailureException(string message)
        : base(message)
    {
    }

    public TransientFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TransientFailureException(Exception cause)
        : base("A dependency is unavailable; the message goes back to its queue and is tried again.", cause)
    {
    }
}
