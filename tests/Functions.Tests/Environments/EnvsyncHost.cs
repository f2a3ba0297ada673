using RagnarokOps.Functions.Cli;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Environments;

/// <summary>The sandbox with the envsync seed, and a settings folder (local.settings.json) pointing the CLI at it.</summary>
public sealed class EnvsyncHost : IAsyncLifetime
{
    private readonly TempDirectory _data = new("ragnarok-env-cli");
    private readonly TempDirectory _root = new("ragnarok-env-root");

    public SandboxServer Server { get; private set; } = null!;

    public string Root => _root.Path;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path, Seed = "envsync" }, CancellationToken.None);
        File.Copy(Path.Combine(RepoPaths.Root, "host.json"), _root.Combine("host.json"));
        await File.WriteAllTextAsync(_root.Combine("local.settings.json"), $$"""
            { "IsEncrypted": false, "Values": {
                "GitLab__BaseUrl": "{{Server.BaseUrl}}", "GitLab__Token": "{{Server.Token}}",
                "Environments__Projects": "platform/inventory, platform/billing" } }
            """);
    }

    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RagnarokCommandLine.InvokeAsync([.. args, "--root", Root], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _data.Dispose();
        _root.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EnvsyncHostCollection : ICollectionFixture<EnvsyncHost>
{
    public const string Name = "envsync host";
}
