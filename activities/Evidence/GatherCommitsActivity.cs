using RagnarokOps.Activities.Cases;
using Microsoft.Extensions.Logging;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Evidence;

/// <summary>Commits on the default branch in the window, each with its diffs; <c>.ragnarokignore</c> paths are never read.</summary>
[DurableTask(ActivityNames.GatherCommits)]
internal sealed class GatherCommitsActivity(IGitLabClient gitlab, ILogger<GatherCommitsActivity> logger, RepositoryReader repositories) : TaskActivity<GatherRequest, SourceResult<CommitEvidence>>
{
    internal const int MaxCommits = 60;
    internal const int MaxDiffChars = 20_000;

    public override async Task<SourceResult<CommitEvidence>> RunAsync(TaskActivityContext context, GatherRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caseFile = input.Case;
        var projectId = caseFile.Case.ProjectId;
        try
        {
            var repository = await repositories.LoadAsync(projectId, CancellationToken.None);
            var query = new GitLabCommitQuery { RefName = repository.DefaultBranch, Since = caseFile.Window.From, Until = caseFile.Window.To };
            var commits = new List<CommitEvidence>();
            await foreach (var commit in gitlab.ListCommitsAsync(projectId, query, CancellationToken.None))
            {
                if (commits.Count >= MaxCommits)
                {
                    break;
                }

                var files = new List<ChangedFile>();
                await foreach (var diff in gitlab.GetCommitDiffAsync(projectId, commit.Id, CancellationToken.None))
                {
                    if (repository.Ignore.IsIgnored(diff.NewPath) || repository.Ignore.IsIgnored(diff.OldPath))
                    {
                        continue;
                    }

                    var truncated = diff.Diff.Length > MaxDiffChars || diff.TooLarge == true;
                    files.Add(new ChangedFile(
                        diff.NewPath, diff.RenamedFile ? diff.OldPath : null, diff.NewFile, diff.DeletedFile,
                        diff.Diff.Length > MaxDiffChars ? diff.Diff[..MaxDiffChars] : diff.Diff, truncated));
                }

                commits.Add(new CommitEvidence(
                    commit.Id, commit.Title, commit.Message ?? commit.Title, commit.AuthorName ?? "unknown", commit.AuthorEmail,
                    commit.CommittedDate ?? commit.CreatedAt ?? commit.AuthoredDate ?? caseFile.Window.From,
                    commit.ParentIds ?? [], files, commit.WebUrl));
            }

            return new SourceResult<CommitEvidence>(commits, null);
        }
        catch (GitLabApiException ex) when (ExpectedFailures.IsExpected(ex))
        {
            var missing = ExpectedFailures.Missing("commits", ex);
            Log.EvidenceMissing(logger, missing.Source, caseFile.Case.InstanceId, missing.Reason);
            return SourceResult<CommitEvidence>.Absent(missing);
        }
    }
}
