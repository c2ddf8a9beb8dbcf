namespace CartRecovery.Delivery.Templates;

public enum EmailTemplatePart
{
    Subject,
    Html,
    Text,
}
