using System.CommandLine;
using RagnarokOps.Sandbox;

namespace RagnarokOps.Functions.Cli;

/// <summary><c>ragnarok sandbox</c>: the local GitLab stand-in (REST v4 subset + webhooks) over real git repositories.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:8929" };
        var data = new Option<string>("--data") { Description = "Folder for repositories, the store, logs and ground-truth.json", DefaultValueFactory = _ => ".sandbox" };
        var seed = new Option<string?>("--seed") { Description = "Seed an empty data folder: 'checkout' or the path of a local git repository (with an optional scenario.json)" };
        var command = new Command("sandbox", "Serve a local GitLab sandbox (/api/v4 subset, webhooks) over bare git repositories");
        command.Options.Add(urls);
        command.Options.Add(data);
        command.Options.Add(seed);
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            await using var server = await SandboxServer.StartAsync(
                new SandboxOptions { Urls = result.GetValue(urls)!, DataDirectory = result.GetValue(data)!, Seed = result.GetValue(seed) }, ct);
            output.WriteLine($"GitLab sandbox on {server.BaseUrl} (API {server.ApiUrl}); PRIVATE-TOKEN: {server.Token}; data in {server.DataDirectory}");
            if (server.GroundTruth is { } truth)
            {
                output.WriteLine($"Seeded project {truth.ProjectPath} (id {truth.ProjectId}); ground truth in {Path.Combine(server.DataDirectory, "ground-truth.json")}");
            }

            if (server.StagingUrl is { } staging)
            {
                output.WriteLine($"Staging copy of the sample service (the policy's replay_url) on {staging}");
            }

            output.WriteLine("Ctrl+C stops it.");
            await server.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
