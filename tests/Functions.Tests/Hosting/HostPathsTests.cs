using RagnarokOps.Functions.Hosting;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Hosting;

public sealed class HostPathsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public HostPathsTests() => File.Copy(Path.Combine(RepoPaths.Root, "host.json"), _dir.Combine("host.json"));

    [Fact]
    public void From_NothingSet_UsesDataUnderTheContentRoot()
    {
        var paths = HostPaths.From(HostConfiguration.Load(_dir.Path));

        Assert.Equal(_dir.Combine("data"), paths.DataDirectory);
    }

    [Fact]
    public void From_RelativeDataDirectory_ResolvesAgainstTheContentRoot()
    {
        var configuration = HostConfiguration.Load(_dir.Path, new Dictionary<string, string?> { [HostPaths.DataDirectoryKey] = "state/here" });

        Assert.Equal(_dir.Combine("state", "here"), HostPaths.From(configuration).DataDirectory);
    }

    public void Dispose() => _dir.Dispose();
}
