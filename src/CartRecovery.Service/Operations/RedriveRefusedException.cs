namespace CartRecovery.Service.Operations;

/// <summary>The re-drive was asked for something it will not do (a queue that is not an error queue, a queue that
/// does not exist, a bad limit); nothing was moved. The command exits with code 2.</summary>
public sealed class RedriveRefusedException : Exception
{
    public RedriveRefusedException()
    {
    }

    public RedriveRefusedException(string message)
        : base(message)
    {
    }

    public RedriveRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
