using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CartRecovery.Service.Support;

/// <summary>401 without the right key; compared in constant time so the key cannot be guessed byte by byte.</summary>
public sealed class ApiKeyFilter(IOptions<ApiKeyOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[ApiKeyOptions.HeaderName].ToString();
        var expected = Encoding.UTF8.GetBytes(options.Value.Key);
        var actual = Encoding.UTF8.GetBytes(presented);
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(
                title: $"Send a valid API key in the {ApiKeyOptions.HeaderName} header.", statusCode: StatusCodes.Status401Unauthorized));
    }
}
