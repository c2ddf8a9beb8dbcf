namespace CartRecovery.Service.Support;

/// <summary>One named key under <c>Api:Keys:&lt;name&gt;</c>: the secret callers send and the scopes it opens.</summary>
public sealed record ApiKeyGrant
{
    public string Key { get; init; } = "";

    public List<string> Scopes { get; init; } = [];
}
