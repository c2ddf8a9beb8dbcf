namespace CartRecovery.Service.Support;

/// <summary>Bound from <c>Api</c>: the keys <c>/api</c> callers send in the <c>X-Api-Key</c> header, each with a
/// name and scopes.</summary>
public sealed record ApiKeyOptions
{
    public const string SectionName = "Api";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The name <see cref="Key"/> goes by in the audit log.</summary>
    public const string KeyName = "default";

    /// <summary>One key with every scope, as before scopes existed; optional once <see cref="Keys"/> is set.</summary>
    public string Key { get; init; } = "";

    /// <summary>Named keys with their scopes, e.g. <c>Api:Keys:shop:Key</c> and <c>Api:Keys:shop:Scopes:0=ingest</c>.</summary>
    public Dictionary<string, ApiKeyGrant> Keys { get; init; } = [];

    /// <summary>Every configured key with the caller it stands for.</summary>
    public IEnumerable<(string Key, ApiCaller Caller)> Grants()
    {
        if (!string.IsNullOrEmpty(Key))
        {
            yield return (Key, new ApiCaller(KeyName, ApiScopes.All.ToHashSet(StringComparer.Ordinal)));
        }

        foreach (var (name, grant) in Keys)
        {
            yield return (grant.Key, new ApiCaller(name, grant.Scopes.ToHashSet(StringComparer.Ordinal)));
        }
    }
}
