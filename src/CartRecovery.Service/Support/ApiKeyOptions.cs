namespace CartRecovery.Service.Support;

/// <summary>Bound from <c>Api</c>: the key every <c>/api</c> caller sends in the <c>X-Api-Key</c> header.</summary>
public sealed record ApiKeyOptions
{
    public const string SectionName = "Api";
    public const string HeaderName = "X-Api-Key";

    public string Key { get; init; } = "";
}
