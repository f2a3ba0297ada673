using Microsoft.AspNetCore.Builder;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Sandbox;

namespace RagnarokOps.Functions.Demo;

/// <summary>The host as the demo runs it: its own content root and files in the data folder, pointed at the sandbox.</summary>
internal static class DemoHost
{
    public static async Task<WebApplication> StartAsync(string dataDirectory, SandboxServer gitlab, DemoSecrets secrets, string url, string taskHubStorage, CancellationToken cancellationToken, string hubName = "RagnarokDemo", IReadOnlyDictionary<string, string?>? extra = null)
    {
        var root = Path.Combine(dataDirectory, "host");
        Directory.CreateDirectory(root);
        var hostJson = Path.Combine(root, HostJson.FileName);
        if (!File.Exists(hostJson))
        {
            await File.WriteAllTextAsync(
                hostJson,
                $$"""
                {
                  "version": "2.0",
                  "logging": { "logLevel": { "default": "Error" } },
                  "extensions": {
                    "durableTask": {
                      "hubName": "{{hubName}}",
                      "storageProvider": { "connectionName": "RagnarokDemoStorage", "partitionCount": 1, "maxQueuePollingInterval": "00:00:00.250" }
                    }
                  }
                }
                """,
                cancellationToken);
        }

        var settings = new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = gitlab.BaseUrl.ToString(),
            ["GitLab:Token"] = gitlab.Token,
            ["GitLab:WebhookSecret"] = secrets.WebhookSecret,
            ["Approvals:SigningKey"] = secrets.SigningKey,
            ["Approvals:PublicBaseUrl"] = url,
            ["Approvals:LedgerPath"] = Path.Combine(root, "approvals.db"),
            ["DurableTask:Key"] = secrets.ManagementKey,
            // The demo's own Azurite holds the task hub, whatever storage the environment names for `serve`.
            ["RagnarokDemoStorage"] = taskHubStorage,
            [HostPaths.DataDirectoryKey] = root,
            ["AzureWebJobsStorage"] = string.Empty,
            ["Artifacts:Folder"] = Path.Combine(dataDirectory, "artifacts"),

            // The policy names logs/checkout.jsonl; the sandbox keeps that file in its own data folder.
            ["Logs:BaseDirectory"] = gitlab.DataDirectory,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = HostConfiguration.Load(root, settings);
        var app = RagnarokHost.Build(configuration, url);
        await app.StartAsync(cancellationToken);
        return app;
    }
}
