namespace CartRecovery.Delivery.Templates;

/// <summary>A fully rendered email. <see cref="FallbackReason"/> says why the step's own template was not used;
/// <see cref="Language"/> is the language its templates were written in.</summary>
public sealed record RenderedEmail(
    string Subject,
    string Html,
    string Text,
    bool UsedFallback,
    string? FallbackReason,
    string Language);
