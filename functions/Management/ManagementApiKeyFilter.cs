using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RagnarokOps.Functions.Management;

/// <summary>Requires the management key on every request, compared in constant time.</summary>
internal sealed class ManagementApiKeyFilter(ManagementApiOptions options) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query["code"];
        }

        if (!Matches(presented, options.Key))
        {
            return Results.Unauthorized();
        }

        return await next(context).ConfigureAwait(false);
    }

    internal static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hash both sides so the comparison takes the same time whatever the lengths.
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
