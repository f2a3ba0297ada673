using Microsoft.Extensions.Logging;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Evidence;

/// <summary>Feature flags whose last change (updated_at) falls in the window: GitLab keeps no flag history, so the last change is what we see.</summary>
[DurableTask(ActivityNames.GatherFlagChanges)]
internal sealed class GatherFlagChangesActivity(IGitLabClient gitlab, ILogger<GatherFlagChangesActivity> logger) : TaskActivity<GatherRequest, SourceResult<FlagChangeEvidence>>
{
    public override async Task<SourceResult<FlagChangeEvidence>> RunAsync(TaskActivityContext context, GatherRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caseFile = input.Case;
        try
        {
            var items = new List<FlagChangeEvidence>();
            await foreach (var flag in gitlab.ListFeatureFlagsAsync(caseFile.Case.ProjectId, CancellationToken.None))
            {
                if (flag.UpdatedAt is not { } changedAt || !caseFile.Window.Contains(changedAt))
                {
                    continue;
                }

                var scopes = flag.Strategies.SelectMany(s => s.Scopes).Select(s => s.EnvironmentScope).Distinct(StringComparer.Ordinal).ToList();
                var environment = scopes.Count == 0 ? null : string.Join(", ", scopes);
                items.Add(new FlagChangeEvidence(flag.Name, flag.Active, changedAt, environment, flag.Description, null));
            }

            return new SourceResult<FlagChangeEvidence>(items, null);
        }
        catch (GitLabApiException ex) when (ExpectedFailures.IsExpected(ex))
        {
            var missing = ExpectedFailures.Missing("flags", ex);
            Log.EvidenceMissing(logger, missing.Source, caseFile.Case.InstanceId, missing.Reason);
            return SourceResult<FlagChangeEvidence>.Absent(missing);
        }
    }
}
