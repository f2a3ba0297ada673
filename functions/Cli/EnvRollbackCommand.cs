using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Activities.Rollback;
using RagnarokOps.Functions.Environments;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Cli;

/// <summary>
/// <c>ragnarok env rollback --project ID|--all-projects --env NAME [--dry-run] [--approve] [--json]</c>: plans the
/// rollback to the last known-good deployment, prints the commits undone and the Rollback Guardian's risk, and opens
/// the revert merge request unless it is a dry run or needs an approval not given (<c>--approve</c> gives it).
/// Exit codes: 0 opened or planned, 1 refused or waiting for approval, 2 bad input or GitLab errors.
/// </summary>
internal static class EnvRollbackCommand
{
    public static Command Create()
    {
        var project = new Option<string?>("--project") { Description = "Project id or path (group/project)" };
        var all = new Option<bool>("--all-projects") { Description = "Every project of Environments:Projects (comma list) or Environments:Group" };
        var env = new Option<string>("--env") { Description = "The environment to roll back (a name of envsync.yaml)", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and the risk; write nothing" };
        var approve = new Option<bool>("--approve") { Description = "Approve the rollback now (needed for protected environments and high risk)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var root = new Option<string?>("--root") { Description = "Folder with host.json and local.settings.json" };
        var command = new Command("rollback", "Roll an environment back to its last known-good deployment through a revert merge request, guarded by a migration risk check");
        foreach (var option in new Option[] { project, all, env, dryRun, approve, json, root })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var one = result.GetValue(project);
            if ((one is null) == !result.GetValue(all))
            {
                error.WriteLine("ragnarok env rollback: give either --project ID or --all-projects");
                return EnvCommand.BadInput;
            }

            if (result.GetValue(dryRun) && result.GetValue(approve))
            {
                error.WriteLine("ragnarok env rollback: --dry-run writes nothing, so --approve has nothing to approve; give one of them");
                return EnvCommand.BadInput;
            }

            var configuration = HostConfiguration.Load(HostConfiguration.FindContentRoot(result.GetValue(root))).Configuration;
            if (string.IsNullOrWhiteSpace(configuration["GitLab:BaseUrl"]) || string.IsNullOrWhiteSpace(configuration["GitLab:Token"]))
            {
                error.WriteLine("ragnarok env rollback: the settings GitLab:BaseUrl and GitLab:Token (GitLab__BaseUrl, GitLab__Token) are required");
                return EnvCommand.BadInput;
            }

            await using var services = new ServiceCollection().AddRollback(configuration).BuildServiceProvider();
            var environments = services.GetRequiredService<EnvironmentRunner>();
            var runner = services.GetRequiredService<RollbackRunner>();
            IReadOnlyList<string> projects;
            try
            {
                projects = one is not null ? [one] : await environments.ProjectsAsync(ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Connectors.GitLab.GitLabApiException)
            {
                error.WriteLine($"ragnarok env rollback: {ex.Message}");
                return EnvCommand.BadInput;
            }

            var approvedBy = result.GetValue(approve) ? $"{Environment.UserName} (CLI --approve)" : null;
            var outcomes = await environments.ForEachProjectAsync(projects,
                (p, token) => runner.RunAsync(new RollbackRequest(p, result.GetValue(env)!, result.GetValue(dryRun), approvedBy), token), ct);
            if (result.GetValue(json))
            {
                object body = one is not null ? outcomes[0] : new { projects = outcomes, summary = Summary(outcomes) };
                output.WriteLine(JsonSerializer.Serialize(body, EnvJson.Options));
            }
            else
            {
                foreach (var outcome in outcomes)
                {
                    output.WriteLine(RollbackRunner.Render(outcome));
                }

                if (one is null)
                {
                    output.WriteLine(Summary(outcomes));
                }
            }

            return outcomes.Any(o => o.Errors.Count > 0) ? EnvCommand.BadInput
                : outcomes.Any(o => o.State is RollbackOutcome.Refused or RollbackOutcome.NeedsApproval) ? EnvCommand.Findings : 0;
        });
        return command;
    }

    private static string Summary(IReadOnlyList<RollbackOutcome> outcomes) =>
        $"{outcomes.Count} project(s): " + string.Join(", ", outcomes.GroupBy(o => o.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
}
