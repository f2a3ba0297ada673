using Microsoft.Extensions.Logging;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Repro;
using Microsoft.DurableTask;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Activities.Hotfix;

/// <summary>
/// The approved hotfix: branch <c>ragnarok/hotfix-&lt;iid&gt;</c> from the deployed branch, the revert of the culprit,
/// the regression test, and a <c>Draft:</c> MR linked to the issue. Each step first looks for what a previous run
/// left (branch, revert commit, test file, MR by marker), so a second run creates nothing new. A revert conflict
/// returns a problem and no MR; the orchestrator's outcome note says it.
/// </summary>
[DurableTask(ActivityNames.CreateDraftMergeRequest)]
internal sealed class CreateDraftMergeRequestActivity(IGitLabClient gitlab, RepositoryReader repositories, HotfixBranch branches, ILogger<CreateDraftMergeRequestActivity> logger)
    : TaskActivity<DraftMergeRequestRequest, MergeRequestResult>
{
    public static string BranchName(long issueIid) => $"ragnarok/hotfix-{issueIid}";

    public static string Marker(string caseId) => $"<!-- ragnarok:hotfix case={caseId} -->";

    public override async Task<MergeRequestResult> RunAsync(TaskActivityContext context, DraftMergeRequestRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cancellationToken = CancellationToken.None;
        var caseRef = input.Case.Case;
        var branch = BranchName(caseRef.IssueIid);
        var marker = Marker(caseRef.InstanceId);
        if (input.Hypothesis.Action is not { Kind: "revert", Target: { Length: > 0 } sha })
        {
            return new MergeRequestResult(null, null, null, false, $"the hypothesis proposes {input.Hypothesis.Action?.Kind ?? "no action"}; only a revert becomes a draft merge request");
        }

        await foreach (var existing in gitlab.ListMergeRequestsAsync(caseRef.ProjectId, branch, null, cancellationToken))
        {
            if (existing.Description?.Contains(marker, StringComparison.Ordinal) == true)
            {
                Log.MergeRequestReady(logger, existing.Iid, caseRef.InstanceId, branch, created: false);
                return new MergeRequestResult(existing.Iid, existing.SourceBranch, existing.WebUrl, false, null);
            }
        }

        var repository = await repositories.LoadAsync(caseRef.ProjectId, cancellationToken);
        var culpritFiles = await ChangedFilesAsync(caseRef.ProjectId, sha, cancellationToken);
        if (culpritFiles.FirstOrDefault(f => repository.Ignore.IsIgnored(f)) is { } ignored)
        {
            var refusal = $"the revert of {sha} would change `{ignored}`, which .ragnarokignore keeps out of reach";
            Log.HotfixProblem(logger, caseRef.InstanceId, refusal);
            return new MergeRequestResult(null, null, null, false, refusal);
        }

        var target = await branches.DeployedBranchAsync(caseRef.ProjectId, repository, input.Case.Environment, cancellationToken);
        await branches.EnsureAsync(caseRef.ProjectId, branch, target, cancellationToken);
        if (await branches.RevertAsync(caseRef.ProjectId, branch, target, sha, cancellationToken) is { } problem)
        {
            Log.HotfixProblem(logger, caseRef.InstanceId, problem);
            return new MergeRequestResult(null, branch, null, false, problem);
        }

        var testPath = input.Repro.TestPath is { } path && input.Repro.TestContent is not null && !repository.Ignore.IsIgnored(path) ? path : null;
        var scriptPath = input.Repro.ScriptPath is { } script && input.Repro.ScriptContent is not null && !repository.Ignore.IsIgnored(script) && script != testPath ? script : null;
        var files = new List<(string Path, string Content)>();
        if (testPath is not null)
        {
            files.Add((testPath, SecretRedactor.Redact(input.Repro.TestContent!)));
        }

        if (scriptPath is not null)
        {
            files.Add((scriptPath, SecretRedactor.Redact(input.Repro.ScriptContent!)));
        }

        if (files.Count > 0)
        {
            await branches.AddFilesAsync(caseRef.ProjectId, branch, files,
                $"Add a regression test and repro script for #{caseRef.IssueIid}\n\nBoth fail while the bug is present and pass with the revert; they target $STAGING_URL.", cancellationToken);
        }

        var owners = TriageOwners(repository, culpritFiles);
        var request = new GitLabNewMergeRequest
        {
            SourceBranch = branch,
            TargetBranch = target,
            Title = SecretRedactor.Redact($"Revert {Short(sha)}: {input.Hypothesis.Title}"),
            Description = SecretRedactor.Redact(Description(input, sha, testPath, scriptPath, owners, marker)),
            RemoveSourceBranch = true,
        };
        var created = await gitlab.CreateMergeRequestAsync(caseRef.ProjectId, request, draft: true, cancellationToken);
        Log.MergeRequestReady(logger, created.Iid, caseRef.InstanceId, branch, created: true);
        return new MergeRequestResult(created.Iid, created.SourceBranch, created.WebUrl, true, null);
    }

    private static string Description(DraftMergeRequestRequest input, string sha, string? testPath, string? scriptPath, IReadOnlyList<string> owners, string marker)
    {
        var approval = input.Approval is { } a ? $"Approved by @{a.By} (a `/ragnarok approve` comment GitLab authenticated) at {a.DecidedAt:yyyy-MM-dd HH:mm} UTC." : "";
        var test = testPath is null ? "No regression test could be generated (see the triage note)." : $"Regression test: `{testPath}` ({input.Repro.Framework}), targets `$STAGING_URL`.";
        if (scriptPath is not null)
        {
            test += $" Repro script: `{scriptPath}` (`STAGING_URL=… sh {scriptPath}`).";
        }

        var assign = owners.Count > 0 ? $"\n/assign {string.Join(' ', owners)}\n" : "";
        return $"""
            {marker}
            Proposed by RagnarokOps for #{input.Case.Case.IssueIid}: revert {sha} ({input.Hypothesis.Title}), confidence {input.Hypothesis.Confidence:0.00}.

            {test}

            {approval}

            Related to #{input.Case.Case.IssueIid}
            {assign}
            """;
    }

    private async Task<IReadOnlyList<string>> ChangedFilesAsync(long projectId, string sha, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        await foreach (var diff in gitlab.GetCommitDiffAsync(projectId, sha, cancellationToken))
        {
            files.Add(diff.NewPath);
        }

        return files;
    }

    private static IReadOnlyList<string> TriageOwners(RepositoryContext repository, IReadOnlyList<string> files) =>
        files.Select(f => repository.Owners.Find(f)).Where(r => r.HasOwners).Select(r => r.Owners).FirstOrDefault()
            ?.Where(o => o.StartsWith('@')).ToList() ?? [];

    private static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;
}
