namespace CartRecovery.Dispatcher.Sending;

/// <summary>The SMTP relay did not take the email; nothing left, so trying again is safe.</summary>
public sealed class EmailNotSentException : Exception
{
    public EmailNotSentException()
    {
    }

    public EmailNotSentException(string message)
        : base(message)
    {
    }

    public EmailNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailNotSentException(Guid journeyId, int step)
        : base($"The SMTP relay did not take step {step} of journey {journeyId}; it will be retried.")
    {
    }
}
