namespace CartRecovery.Delivery.Templates;

/// <summary>A template could not be found, parsed or rendered.</summary>
public sealed class EmailTemplateException : Exception
{
    public EmailTemplateException()
    {
    }

    public EmailTemplateException(string message)
        : base(message)
    {
    }

    public EmailTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
