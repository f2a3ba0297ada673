namespace RagnarokOps.Connectors.Artifacts;

/// <summary>
/// An Azure Storage connection string, parsed as Azure's SDKs do: <c>UseDevelopmentStorage=true</c> (Azurite's
/// well-known account at 127.0.0.1:10000), or <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…</c> with
/// optional <c>EndpointSuffix</c>, <c>BlobEndpoint</c>, <c>SharedAccessSignature</c>. Errors never echo the key.
/// </summary>
internal sealed record BlobConnectionString(Uri BlobEndpoint, string AccountName, byte[]? AccountKey, string? SharedAccessSignature)
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's published development key (the same for every installation; not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static BlobConnectionString Parse(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                // By position, not by text: a part without '=' may be a pasted key or signature.
                throw new FormatException($"storage connection string: setting {i + 1} of {parts.Length} is not a Key=Value setting");
            }

            settings[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p) : new Uri("http://127.0.0.1");
            var endpoint = new UriBuilder(proxy.Scheme, proxy.Host, 10000, DevelopmentAccountName).Uri;
            return new BlobConnectionString(endpoint, DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey), null);
        }

        var account = settings.GetValueOrDefault("AccountName");
        var sas = settings.GetValueOrDefault("SharedAccessSignature")?.TrimStart('?');
        Uri blobEndpoint;
        if (settings.TryGetValue("BlobEndpoint", out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out blobEndpoint!))
            {
                throw new FormatException($"storage connection string: BlobEndpoint '{explicitEndpoint}' is not an absolute URL");
            }

            account ??= blobEndpoint.Host.Split('.')[0];
        }
        else
        {
            if (string.IsNullOrEmpty(account))
            {
                throw new FormatException("storage connection string: AccountName (or BlobEndpoint) is required");
            }

            var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
            var suffix = settings.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
            blobEndpoint = new Uri($"{protocol}://{account}.blob.{suffix}");
        }

        byte[]? key = null;
        if (settings.TryGetValue("AccountKey", out var keyText))
        {
            try
            {
                key = Convert.FromBase64String(keyText);
            }
            catch (FormatException)
            {
                throw new FormatException($"storage connection string: AccountKey for account '{account}' is not base64");
            }
        }

        if (key is null && sas is null)
        {
            throw new FormatException($"storage connection string: account '{account}' needs AccountKey or SharedAccessSignature (for managed identity set AzureWebJobsStorage__blobServiceUri instead)");
        }

        return new BlobConnectionString(blobEndpoint, account, key, sas);
    }

    /// <summary>The connection string without its secrets, for messages and logs.</summary>
    public override string ToString() => $"{BlobEndpoint} (account {AccountName})";
}
