namespace CartRecovery.Service.Support;

/// <summary>Endpoint metadata naming the scope a key needs; an /api endpoint without it is refused to everyone.</summary>
public sealed record RequiredApiScope(string Scope);
