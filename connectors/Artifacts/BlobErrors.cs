using Azure;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>Turns the Blob SDK's <see cref="RequestFailedException"/> into an <see cref="ArtifactStoreException"/>.</summary>
internal static class BlobErrors
{
    private static readonly string[] CredentialCodes =
        ["AuthenticationFailed", "AuthorizationFailure", "AuthorizationPermissionMismatch", "InvalidAuthenticationInfo", "NoAuthenticationInformation"];

    public static ArtifactStoreException From(RequestFailedException e, string operation, Uri endpoint, string account)
    {
        var code = e.ErrorCode is { Length: > 0 } c ? c : $"Http{e.Status}";
        // No inner exception on refusal: the service's answer quotes the request's signature. The SDK's message goes on with the status, the error code and the response headers; the first line says what went wrong.
        var message = e.Message.Split('\n')[0].Trim();
        return e.Status is 401 or 403 && CredentialCodes.Contains(code)
            ? new ArtifactStoreException(
                ArtifactFailure.AuthenticationFailed,
                $"blob storage at {endpoint} refused the credentials for account '{account}' ({code}): {message}; check the AccountKey in AzureWebJobsStorage or the identity's Storage Blob Data Contributor role",
                e.Status,
                code)
            : new ArtifactStoreException(ArtifactFailure.ServiceError, $"blob storage at {endpoint}: {operation} failed with {e.Status} ({code}): {message}", e.Status, code, e);
    }
}
