using RagnarokOps.Functions.Hosting;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Hosting;

public sealed class HostConfigurationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public HostConfigurationTests() => File.Copy(Path.Combine(RepoPaths.Root, "host.json"), _dir.Combine("host.json"));

    [Fact]
    public void Load_NoLocalSettings_RunsOnDefaultsAndNamesWhatIsMissing()
    {
        var configuration = HostConfiguration.Load(_dir.Path);

        Assert.Equal("RagnarokHub", configuration.Configuration["AzureFunctionsJobHost:extensions:durableTask:hubName"]);
        Assert.Equal(HostConfiguration.Notable.Count, configuration.Missing.Count());
        Assert.Contains(configuration.Missing, m => m.StartsWith("GitLab:Token: not set", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_LocalSettingsValues_BecomeConfiguration()
    {
        File.WriteAllText(_dir.Combine("local.settings.json"), """
            { "IsEncrypted": false, "Values": { "GitLab__BaseUrl": "http://gitlab.test", "GitLab__Token": "glpat-x", "Port": 7 } }
            """);

        var configuration = HostConfiguration.Load(_dir.Path);

        Assert.Equal("http://gitlab.test", configuration.Configuration["GitLab:BaseUrl"]);
        Assert.Equal("7", configuration.Configuration["Port"]);
        Assert.DoesNotContain(configuration.Missing, m => m.StartsWith("GitLab:Token", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Overrides_WinOverLocalSettings()
    {
        File.WriteAllText(_dir.Combine("local.settings.json"), """{ "Values": { "GitLab__BaseUrl": "http://from-file" } }""");

        var configuration = HostConfiguration.Load(_dir.Path, new Dictionary<string, string?> { ["GitLab:BaseUrl"] = "http://from-env" });

        Assert.Equal("http://from-env", configuration.Configuration["GitLab:BaseUrl"]);
    }

    [Fact]
    public void Load_EncryptedLocalSettings_IsRefusedWithTheField()
    {
        File.WriteAllText(_dir.Combine("local.settings.json"), "{\n  \"IsEncrypted\": true,\n  \"Values\": {}\n}");

        var ex = Assert.Throws<HostConfigurationException>(() => HostConfiguration.Load(_dir.Path));

        Assert.StartsWith("local.settings.json(2,3): IsEncrypted: encrypted settings are not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SampleLocalSettings_IsValid()
    {
        File.Copy(Path.Combine(RepoPaths.Root, "local.settings.sample.json"), _dir.Combine("local.settings.json"));

        var configuration = HostConfiguration.Load(_dir.Path);

        Assert.Equal("UseDevelopmentStorage=true", configuration.Configuration["AzureWebJobsStorage"]);
        Assert.Equal("http://127.0.0.1:8929", configuration.Configuration["GitLab:BaseUrl"]);
    }

    [Fact]
    public void FindContentRoot_WorkingFolderWithoutHostJson_FallsBackToExecutableFolder()
    {
        using var empty = new TempDirectory();

        Assert.Equal(AppContext.BaseDirectory, HostConfiguration.FindContentRoot(workingDirectory: empty.Path));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "host.json")), "host.json travels with the executable");
    }

    [Fact]
    public void FindContentRoot_WorkingFolderWithHostJson_IsUsed()
    {
        Assert.Equal(_dir.Path, HostConfiguration.FindContentRoot(workingDirectory: _dir.Path));
    }

    public void Dispose() => _dir.Dispose();
}
