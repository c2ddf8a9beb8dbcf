using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CartRecovery.Service.Support;

/// <summary>401 without a known key, 403 when the key lacks the endpoint's scope (or the endpoint names none).
/// Keys are compared in constant time, all of them, so a key cannot be guessed byte by byte.</summary>
public sealed class ApiKeyFilter(IOptions<ApiKeyOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var presented = Encoding.UTF8.GetBytes(http.Request.Headers[ApiKeyOptions.HeaderName].ToString());
        ApiCaller? caller = null;
        foreach (var (key, grantee) in options.Value.Grants())
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), presented))
            {
                caller = grantee;
            }
        }

        if (caller is null)
        {
            return Refuse($"Send a valid API key in the {ApiKeyOptions.HeaderName} header.", StatusCodes.Status401Unauthorized);
        }

        var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredApiScope>();
        if (required is null || !caller.Scopes.Contains(required.Scope))
        {
            return Refuse($"This API key lacks the scope '{required?.Scope ?? "(none declared)"}' this endpoint needs.", StatusCodes.Status403Forbidden);
        }

        http.Features.Set(caller);
        return next(context);
    }

    private static ValueTask<object?> Refuse(string title, int statusCode) =>
        ValueTask.FromResult<object?>(TypedResults.Problem(title: title, statusCode: statusCode));
}
