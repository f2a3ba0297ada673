using Microsoft.AspNetCore.Http;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>Reads a webhook body up to a limit, refusing early on a declared length and stopping at the limit otherwise.</summary>
internal static class WebhookBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's host-wide limit (host.json maxRequestBodySize) is lower than ours.
            return null;
        }

        return buffer.ToArray();
    }
}
