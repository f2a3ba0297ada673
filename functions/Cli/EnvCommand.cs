using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Domain.Environments;
using RagnarokOps.Functions.Environments;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Cli;

/// <summary>
/// <c>ragnarok env status|drift-check|promote</c>: the environment operations run directly against the GitLab
/// settings (no host, no task hub), for one project or every project of <c>Environments:Projects</c> / <c>Environments:Group</c>.
/// Exit codes: 0 fine, 1 drift found or promotion refused, 2 bad input, configuration or topology.
/// </summary>
internal static class EnvCommand
{
    public const int Findings = 1;
    public const int BadInput = 2;

    public static Command Create()
    {
        var command = new Command("env", "Environment branches: status, drift checks and promotion along the envsync.yaml chain");
        command.Subcommands.Add(Sub("status", "Per environment: branch head, last pipeline, last deployment and its age, commits ahead/behind the next", (runner, project, _, ct) => Run(runner.StatusAsync(project, ct))));
        var noIssue = new Option<bool>("--no-issue") { Description = "Only print; do not create or update the drift tracking issue" };
        command.Subcommands.Add(Sub("drift-check", "Compare each environment with its predecessor and keep the project's drift tracking issue up to date",
            (runner, project, r, ct) => Run(runner.DriftCheckAsync(project, !r.GetValue(noIssue), ct)), noIssue));
        var from = new Option<string?>("--from") { Description = "The environment to promote (default: the first of the chain)" };
        command.Subcommands.Add(Sub("promote", "Open or update the merge request to the next environment; refused while the source's pipeline is red",
            (runner, project, r, ct) => Run(runner.PromoteAsync(project, r.GetValue(from), ct)), from));
        command.Subcommands.Add(CherryPickCommand.Create());
        command.Subcommands.Add(Pipelines.EnvDoctorCommand.Create());
        command.Subcommands.Add(EnvRollbackCommand.Create());
        return command;
    }

    private static async Task<object> Run<T>(Task<T> task) => (await task.ConfigureAwait(false))!;

    private static Command Sub(string name, string description, Func<EnvironmentRunner, string, ParseResult, CancellationToken, Task<object>> run, params Option[] extra)
    {
        var project = new Option<string?>("--project") { Description = "Project id or path (group/project)" };
        var all = new Option<bool>("--all-projects") { Description = "Every project of Environments:Projects (comma list) or Environments:Group" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var root = new Option<string?>("--root") { Description = "Folder with host.json and local.settings.json" };
        var command = new Command(name, description);
        foreach (var option in new Option[] { project, all, json, root }.Concat(extra))
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
                error.WriteLine($"ragnarok env {name}: give either --project ID or --all-projects");
                return BadInput;
            }

            var configuration = HostConfiguration.Load(HostConfiguration.FindContentRoot(result.GetValue(root))).Configuration;
            if (string.IsNullOrWhiteSpace(configuration["GitLab:BaseUrl"]) || string.IsNullOrWhiteSpace(configuration["GitLab:Token"]))
            {
                error.WriteLine($"ragnarok env {name}: the settings GitLab:BaseUrl and GitLab:Token (GitLab__BaseUrl, GitLab__Token) are required");
                return BadInput;
            }

            await using var services = new ServiceCollection().AddEnvironments(configuration).BuildServiceProvider();
            var runner = services.GetRequiredService<EnvironmentRunner>();
            IReadOnlyList<string> projects;
            try
            {
                projects = one is not null ? [one] : await runner.ProjectsAsync(ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Connectors.GitLab.GitLabApiException)
            {
                error.WriteLine($"ragnarok env {name}: {ex.Message}");
                return BadInput;
            }

            var outcomes = await runner.ForEachProjectAsync(projects, (p, token) => run(runner, p, result, token), ct);
            if (result.GetValue(json))
            {
                object body = one is not null ? outcomes[0] : new { projects = outcomes, summary = EnvText.Summary(outcomes) };
                output.WriteLine(JsonSerializer.Serialize(body, EnvJson.Options));
            }
            else
            {
                foreach (var outcome in outcomes)
                {
                    output.Write(EnvText.Render(outcome));
                }

                if (one is null)
                {
                    output.WriteLine(EnvText.Summary(outcomes));
                }
            }

            return outcomes.Any(o => EnvText.Errors(o).Count > 0) ? BadInput : outcomes.Any(EnvText.IsFinding) ? Findings : 0;
        });
        return command;
    }
}
