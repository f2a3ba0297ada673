using Azure.Storage.Blobs;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>
/// Opens the account an Azure Storage connection string names. The SDK does the parsing
/// (<c>UseDevelopmentStorage=true</c>, <c>AccountName</c>/<c>AccountKey</c>, <c>BlobEndpoint</c>, <c>SharedAccessSignature</c>);
/// this only says which setting is wrong and where, by position: the text of a bad part may be a pasted key.
/// </summary>
internal static class BlobConnectionString
{
    public static BlobServiceClient Open(string setting, string connectionString, BlobClientOptions options)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].IndexOf('=', StringComparison.Ordinal) <= 0)
            {
                throw new InvalidOperationException($"{setting}: part {i + 1} of {parts.Length} of the connection string is not a Key=Value setting");
            }
        }

        try
        {
            return new BlobServiceClient(connectionString, options);
        }
        catch (FormatException e)
        {
            // The SDK's messages ("No valid combination of account information found.") never quote the string.
            throw new InvalidOperationException(
                $"{setting}: {e.Message.TrimEnd('.')}; it needs UseDevelopmentStorage=true, or AccountName with AccountKey (or SharedAccessSignature), "
                + $"or BlobEndpoint with SharedAccessSignature; for a managed identity leave it empty and set {setting}__accountName or {setting}__blobServiceUri",
                e);
        }
    }
}
