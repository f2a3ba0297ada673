using RagnarokOps.Functions.Hosting;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Hosting;

public sealed class HostPathsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public HostPathsTests() => File.Copy(Path.Combine(RepoPaths.Root, "host.json"), _dir.Combine("host.json"));

    [Fact]
    public void From_NoConnectionString_PutsTheHubInTheDataFolder()
    {
        var paths = HostPaths.From(HostConfiguration.Load(_dir.Path));

        Assert.Equal(_dir.Combine("data"), paths.DataDirectory);
        Assert.Equal(_dir.Combine("data", "RagnarokHub.db"), paths.TaskHubPath);
    }

    [Fact]
    public void From_ConnectionString_UsesItsDataSource()
    {
        var configuration = HostConfiguration.Load(_dir.Path, new Dictionary<string, string?> { ["RagnarokTaskHub"] = "Data Source=hub/x.db" });

        Assert.Equal(_dir.Combine("hub", "x.db"), HostPaths.From(configuration).TaskHubPath);
    }

    [Fact]
    public void From_PostgresOverrideWithoutConnectionString_SaysWhichSettingIsMissing()
    {
        // Azure app settings override host.json this way; the provider must not silently fall back to SQLite.
        var configuration = HostConfiguration.Load(_dir.Path, new Dictionary<string, string?> { [HostPaths.StorageProviderKey] = "postgres" });

        var ex = Assert.Throws<HostConfigurationException>(() => HostPaths.From(configuration));

        Assert.StartsWith(
            "host.json: extensions.durableTask.storageProvider.connectionStringName: the postgres provider needs the connection string "
            + "\"RagnarokTaskHub\" (setting ConnectionStrings:RagnarokTaskHub or RagnarokTaskHub), which is not set",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void From_Postgres_UsesTheConnectionStringAndASchemaNamedAfterTheHub_WithoutShowingThePassword()
    {
        var configuration = HostConfiguration.Load(_dir.Path, new Dictionary<string, string?>
        {
            [HostPaths.StorageProviderKey] = "postgres",
            ["ConnectionStrings:RagnarokTaskHub"] = "Host=db.internal;Database=taskhub;Username=ragnarok;Password=s3cret-value",
        });

        var paths = HostPaths.From(configuration);

        Assert.Equal("Host=db.internal;Database=taskhub;Username=ragnarok;Password=s3cret-value", paths.PostgresConnection);
        Assert.Equal("ragnarokhub", paths.PostgresSchema);
        Assert.Equal("postgres db.internal/taskhub schema ragnarokhub", paths.TaskHubPath);
        Assert.DoesNotContain("s3cret", paths.TaskHubPath, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
