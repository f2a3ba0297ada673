namespace RagnarokOps.Functions.Hosting;

/// <summary>Where the host keeps its own files: the data folder (ledger, artifacts, a local Azurite's data).</summary>
internal sealed record HostPaths(string DataDirectory)
{
    public const string DataDirectoryKey = "Ragnarok:DataDirectory";

    /// <summary>The data folder is <c>Ragnarok:DataDirectory</c> (default <c>data</c> under the content root).</summary>
    public static HostPaths From(HostConfiguration configuration) =>
        new(Path.GetFullPath(configuration.Configuration[DataDirectoryKey] is { Length: > 0 } configured
            ? Path.Combine(configuration.ContentRoot, configured)
            : Path.Combine(configuration.ContentRoot, "data")));
}
