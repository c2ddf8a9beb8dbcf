namespace CartRecovery.Service.Support;

/// <summary>Who called, by the name of the key they presented; the name is what the audit log records.</summary>
public sealed record ApiCaller(string Name, IReadOnlySet<string> Scopes)
{
    public static ApiCaller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ApiCaller>()
            ?? throw new InvalidOperationException($"No API caller on this request: the endpoint must sit behind {nameof(ApiKeyFilter)}.");
    }
}
