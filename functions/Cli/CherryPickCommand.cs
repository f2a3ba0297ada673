using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.CherryPick;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Functions.Environments;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Cli;

/// <summary>
/// <c>ragnarok env cherry-pick --project ID|--all-projects --to ENV --commit SHA…|--mr IID [--dry-run] [--approve] [--json]</c>:
/// plans the three tiers and, unless a file needs a person or a proposal lacks --approve, opens the merge request
/// from <c>ragnarok/cherry-pick-&lt;target&gt;-&lt;sha8&gt;</c>. Exit codes: 0 opened (or already open) or dry run,
/// 1 waiting for approval or a person, 2 bad input, configuration or topology.
/// </summary>
internal static class CherryPickCommand
{
    public static Command Create()
    {
        var project = new Option<string?>("--project") { Description = "Project id or path (group/project)" };
        var all = new Option<bool>("--all-projects") { Description = "Every project of Environments:Projects (comma list) or Environments:Group" };
        var to = new Option<string>("--to") { Description = "The target environment (envsync.yaml)", Required = true };
        var commits = new Option<string[]>("--commit") { Description = "A commit to pick (repeat, oldest first)", AllowMultipleArgumentsPerToken = true };
        var mr = new Option<long?>("--mr") { Description = "Pick a merge request's commits (oldest first) instead of naming them with --commit" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan the tiers only; write nothing" };
        var approve = new Option<bool>("--approve") { Description = "Approve the tier 2 proposals (the CLI user is the approver)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var root = new Option<string?>("--root") { Description = "Folder with host.json and local.settings.json" };
        var command = new Command("cherry-pick", "Move commits to an environment branch through a ragnarok/cherry-pick-* branch and merge request, conflicts sorted into three tiers");
        foreach (var option in new Option[] { project, all, to, commits, mr, dryRun, approve, json, root })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var one = result.GetValue(project);
            var shas = result.GetValue(commits) ?? [];
            if ((one is null) == !result.GetValue(all))
            {
                error.WriteLine("ragnarok env cherry-pick: give either --project ID or --all-projects");
                return EnvCommand.BadInput;
            }

            if ((result.GetValue(mr) is not null) == (shas.Length > 0))
            {
                error.WriteLine(shas.Length > 0
                    ? "ragnarok env cherry-pick: give either --commit SHA... or --mr IID, not both"
                    : "ragnarok env cherry-pick: name at least one --commit SHA, or a merge request with --mr IID");
                return EnvCommand.BadInput;
            }

            var configuration = HostConfiguration.Load(HostConfiguration.FindContentRoot(result.GetValue(root))).Configuration;
            if (string.IsNullOrWhiteSpace(configuration["GitLab:BaseUrl"]) || string.IsNullOrWhiteSpace(configuration["GitLab:Token"]))
            {
                error.WriteLine("ragnarok env cherry-pick: the settings GitLab:BaseUrl and GitLab:Token (GitLab__BaseUrl, GitLab__Token) are required");
                return EnvCommand.BadInput;
            }

            await using var services = new ServiceCollection().AddCherryPick(configuration).BuildServiceProvider();
            var environments = services.GetRequiredService<EnvironmentRunner>();
            var runner = services.GetRequiredService<CherryPickRunner>();
            IReadOnlyList<string> projects;
            try
            {
                projects = one is not null ? [one] : await environments.ProjectsAsync(ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Connectors.GitLab.GitLabApiException)
            {
                error.WriteLine($"ragnarok env cherry-pick: {ex.Message}");
                return EnvCommand.BadInput;
            }

            var request = (string p) => new CherryPickRequest(p, result.GetValue(to)!, shas, result.GetValue(dryRun), result.GetValue(approve), MergeRequest: result.GetValue(mr));
            var outcomes = await environments.ForEachProjectAsync(projects, (p, token) => runner.RunAsync(request(p), Environment.UserName, token), ct);
            output.Write(result.GetValue(json)
                ? JsonSerializer.Serialize(one is not null ? outcomes[0] : (object)outcomes, EnvJson.Options) + "\n"
                : string.Concat(outcomes.Select(Render)));
            return outcomes.Any(o => o.Errors.Count > 0) ? EnvCommand.BadInput
                : outcomes.Any(o => o.Status is CherryPickStatus.AwaitingApproval or CherryPickStatus.NeedsPerson) ? EnvCommand.Findings : 0;
        });
        return command;
    }

    /// <summary>The text answer of one cherry-pick; /envsync cherry-pick can post the same.</summary>
    public static string Render(CherryPickOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder($"{outcome.Project} → {outcome.To}: {outcome.Status} (tier {(int)outcome.Tier})\n");
        foreach (var e in outcome.Errors)
        {
            text.Append("  error: ").Append(e).Append('\n');
        }

        foreach (var f in outcome.Files)
        {
            text.Append("  ").Append((int)f.Tier).Append(' ').Append(f.Path).Append(" — ").Append(f.Reason).Append('\n');
        }

        if (outcome.MergeRequest is { } mr)
        {
            text.Append("  merge request !").Append(mr.Iid).Append(' ').Append(mr.WebUrl).Append(" from ").Append(mr.Branch).Append('\n');
        }

        if (outcome.Report is { } report)
        {
            text.Append("  report issue #").Append(report.Iid).Append(' ').Append(report.WebUrl).Append('\n');
        }

        return text.ToString();
    }
}
