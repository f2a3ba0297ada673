using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Activities.Pipelines;
using RagnarokOps.Domain.Pipelines;
using RagnarokOps.Functions.Cli;
using RagnarokOps.Functions.Environments;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Pipelines;

/// <summary>
/// <c>ragnarok env doctor --project ID [--pipeline N] [--json]</c> or <c>--all-projects</c>: the Pipeline Doctor run
/// directly (no host): code or environment for the failed jobs of the given pipeline, or of each project's latest
/// failed environment-branch pipeline. Exit codes: 0 nothing failing, 1 a verdict given, 2 bad input or nothing to read.
/// </summary>
internal static class EnvDoctorCommand
{
    public static Command Create()
    {
        var project = new Option<string?>("--project") { Description = "Project id or path (group/project)" };
        var all = new Option<bool>("--all-projects") { Description = "Every project of Environments:Projects (comma list) or Environments:Group" };
        var pipeline = new Option<long?>("--pipeline") { Description = "The failed pipeline's id (default: the latest failed pipeline of an environment branch)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var root = new Option<string?>("--root") { Description = "Folder with host.json and local.settings.json" };
        var command = new Command("doctor", "Pipeline Doctor: is a failing environment-branch job the code's fault or the environment's?");
        foreach (var option in new Option[] { project, all, pipeline, json, root })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var one = result.GetValue(project);
            if ((one is null) == !result.GetValue(all) || (one is null && result.GetValue(pipeline) is not null))
            {
                error.WriteLine("ragnarok env doctor: give either --project ID (optionally --pipeline N) or --all-projects");
                return EnvCommand.BadInput;
            }

            var configuration = HostConfiguration.Load(HostConfiguration.FindContentRoot(result.GetValue(root))).Configuration;
            if (string.IsNullOrWhiteSpace(configuration["GitLab:BaseUrl"]) || string.IsNullOrWhiteSpace(configuration["GitLab:Token"]))
            {
                error.WriteLine("ragnarok env doctor: the settings GitLab:BaseUrl and GitLab:Token (GitLab__BaseUrl, GitLab__Token) are required");
                return EnvCommand.BadInput;
            }

            await using var services = new ServiceCollection().AddPipelineTriage(configuration).BuildServiceProvider();
            var environments = services.GetRequiredService<EnvironmentRunner>();
            var doctor = services.GetRequiredService<PipelineTriageRunner>();
            IReadOnlyList<string> projects;
            try
            {
                projects = one is not null ? [one] : await environments.ProjectsAsync(ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Connectors.GitLab.GitLabApiException)
            {
                error.WriteLine($"ragnarok env doctor: {ex.Message}");
                return EnvCommand.BadInput;
            }

            var outcomes = await environments.ForEachProjectAsync(projects, (p, token) => doctor.DoctorAsync(p, result.GetValue(pipeline), token), ct);
            if (result.GetValue(json))
            {
                object body = one is not null ? outcomes[0] : new { projects = outcomes };
                output.WriteLine(JsonSerializer.Serialize(body, EnvJson.Options));
            }
            else
            {
                foreach (var outcome in outcomes)
                {
                    output.Write(Render(outcome));
                }
            }

            return outcomes.Any(o => o.Verdicts.Count > 0) ? EnvCommand.Findings : one is not null && outcomes[0].Diagnosis is null ? EnvCommand.BadInput : 0;
        });
        return command;
    }

    public static string Render(PipelineDoctorOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder($"{outcome.Project}\n");
        foreach (var problem in outcome.Problems)
        {
            text.Append("  ").Append(problem).Append('\n');
        }

        foreach (var verdict in outcome.Verdicts)
        {
            text.Append("  pipeline #").Append(outcome.Diagnosis!.PipelineId).Append(' ').Append(verdict.Environment).Append(" / ").Append(verdict.Job).Append(": ")
                .Append(verdict.Cause.ToString().ToLowerInvariant()).Append(" (").Append(PipelineDoctor.Percent(verdict.Confidence)).Append(")\n    ").Append(verdict.Reason).Append('\n');
        }

        return text.ToString();
    }
}
