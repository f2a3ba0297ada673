using Microsoft.Extensions.Configuration;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Probes;
using RagnarokOps.Domain.Policy;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Activities.Probes;

/// <summary>
/// Probe targets from the repositories themselves: each project of <c>Ragnarok:Probes:Projects</c> may list
/// <c>probes:</c> under its services in <c>.ragnarok.yaml</c> (default branch). They join the host-setting targets;
/// an entry that cannot be used, a policy that does not parse, or a project that cannot be read is named in the round's
/// problems with the file and line (or the setting) and why, and leaves the other targets probed.
/// </summary>
public sealed class PolicyProbeTargets(IConfiguration configuration, IServiceProvider services)
{
    /// <summary>The host-setting targets and the policies' targets, with every problem found; never throws for a bad project or policy.</summary>
    public async Task<ProbeTargetSet> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = ProbeTargetSettings.Read(configuration);
        var projects = ProbeTargetSettings.Projects(configuration);
        if (projects.Count == 0)
        {
            return settings;
        }

        var targets = new List<ProbeTarget>(settings.Targets);
        var problems = new List<string>(settings.Problems);
        if (string.IsNullOrWhiteSpace(configuration["GitLab:BaseUrl"]))
        {
            problems.Add($"{ProbeTargetSettings.Section}:Projects: GitLab:BaseUrl is not set, so the probes: sections of {string.Join(", ", projects)} ({PolicyParser.FileName}) cannot be read");
            return new ProbeTargetSet(targets, problems);
        }

        // Resolved only now: the client's options fail validation on a host without GitLab, which the check above names.
        if (services.GetService(typeof(IGitLabClient)) is not IGitLabClient gitlab)
        {
            problems.Add($"{ProbeTargetSettings.Section}:Projects: no GitLab client on this host, so the probes: sections of {string.Join(", ", projects)} cannot be read");
            return new ProbeTargetSet(targets, problems);
        }

        var names = new HashSet<string>(targets.Select(t => t.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var project in projects)
        {
            var file = $"{project}/{PolicyParser.FileName}";
            string? yaml;
            try
            {
                var id = (await gitlab.GetProjectAsync(project, cancellationToken).ConfigureAwait(false)).Id;
                var reader = new RepositoryReader(gitlab);
                yaml = await reader.ReadFileAsync(id, PolicyParser.FileName, await reader.DefaultBranchAsync(id, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is GitLabApiException or HttpRequestException or InvalidOperationException)
            {
                problems.Add($"{file}: could not be read ({ProbeTargetSettings.Section}:Projects): {e.Message}");
                continue;
            }

            var parsed = PolicyParser.Parse(yaml, file);
            if (!parsed.IsValid)
            {
                // An invalid policy is not used at all (as the escalation flow does); every problem is named so it is fixed once.
                problems.AddRange(parsed.Errors.Select(e => $"{e} (no probes read from {file} until it is fixed)"));
                continue;
            }

            foreach (var target in parsed.Policy!.Services.SelectMany(s => s.Probes))
            {
                if (!names.Add(target.Name))
                {
                    problems.Add($"{target.Source}: probe '{target.Name}' is already a target (host settings or another project); this one is left out");
                    continue;
                }

                targets.Add(target with { Project = project });
            }
        }

        return new ProbeTargetSet(targets, problems);
    }
}
