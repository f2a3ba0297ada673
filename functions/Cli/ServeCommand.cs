using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Cli;

/// <summary><c>ragnarok serve</c>: hosts the HTTP triggers on the embedded defaults.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:7071";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => DefaultUrls };
        var root = new Option<string?>("--root") { Description = "Folder with host.json and local.settings.json (default: the working folder if it has host.json, else the executable's)" };
        var command = new Command("serve", "Host the webhooks, approvals, management API and dashboard on the embedded defaults");
        command.Options.Add(urls);
        command.Options.Add(root);
        command.SetAction(async (result, ct) =>
        {
            var configuration = HostConfiguration.Load(HostConfiguration.FindContentRoot(result.GetValue(root)));
            var output = result.InvocationConfiguration.Output;
            foreach (var missing in configuration.Missing)
            {
                output.WriteLine($"not configured: {missing}");
            }

            await using var app = RagnarokHost.Build(configuration, result.GetValue(urls)!);
            await app.StartAsync(ct);
            var runtime = app.Services.GetRequiredService<HostRuntime>();
            output.WriteLine($"RagnarokOps is listening on {string.Join(", ", app.Urls)} (routes under /{configuration.Host.RoutePrefix}); Ctrl+C stops it.");
            output.WriteLine($"Data folder: {runtime.Paths.DataDirectory}; task hub: {runtime.TaskHub}");
            output.WriteLine($"Webhook: POST {app.Urls.FirstOrDefault()}/{configuration.Host.RoutePrefix}/webhooks/gitlab (X-Gitlab-Token = GitLab:WebhookSecret)");
            if (runtime.ManagementKeyGenerated)
            {
                // Shown once to the operator's terminal, never logged; set DurableTask:Key to keep one across restarts.
                output.WriteLine($"Management API key for this run (x-functions-key): {runtime.ManagementKey}");
            }

            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
