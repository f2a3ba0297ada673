using System.Xml;
using System.Xml.Linq;
using Azure;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>Turns a Blob service error response (x-ms-error-code and an XML <c>&lt;Error&gt;</c> body) into an <see cref="ArtifactStoreException"/>.</summary>
internal static class BlobErrors
{
    public static string? Code(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var code) && !string.IsNullOrEmpty(code))
        {
            return code;
        }

        return Body(response).Code;
    }

    public static ArtifactStoreException From(Response response, string operation, Uri endpoint, string account)
    {
        var (bodyCode, bodyMessage) = Body(response);
        var code = Code(response) ?? bodyCode ?? $"Http{response.Status}";
        // The service's message ends with "RequestId:… Time:…" lines; the first line says what went wrong.
        var message = (bodyMessage ?? response.ReasonPhrase).Split('\n')[0].Trim();
        var authentication = response.Status is 401 or 403 && code is "AuthenticationFailed" or "AuthorizationFailure" or "AuthorizationPermissionMismatch" or "InvalidAuthenticationInfo" or "NoAuthenticationInformation";
        return authentication
            ? new ArtifactStoreException(
                ArtifactFailure.AuthenticationFailed,
                $"blob storage at {endpoint} refused the credentials for account '{account}' ({code}): {message}; check the AccountKey in AzureWebJobsStorage or the identity's Storage Blob Data Contributor role",
                response.Status,
                code)
            : new ArtifactStoreException(ArtifactFailure.ServiceError, $"blob storage at {endpoint}: {operation} failed with {response.Status} ({code}): {message}", response.Status, code);
    }

    private static (string? Code, string? Message) Body(Response response)
    {
        try
        {
            var text = response.Content?.ToString();
            if (string.IsNullOrWhiteSpace(text) || !text.TrimStart().StartsWith('<'))
            {
                return (null, null);
            }

            var error = XDocument.Parse(text).Root;
            return (error?.Element("Code")?.Value, error?.Element("Message")?.Value);
        }
        catch (XmlException)
        {
            return (null, null);
        }
    }
}
