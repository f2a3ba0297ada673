using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Activities.Cases;

/// <summary>The issue and its people's notes, normalised against the policy's services. Our own notes are left out, so a re-run reads the same text.</summary>
internal sealed class EscalationReader(IGitLabClient gitlab, TimeProvider time)
{
    public async Task<(GitLabIssue Issue, Escalation Escalation)> ReadAsync(CaseRef caseRef, RepositoryPolicy policy, CancellationToken cancellationToken)
    {
        var issue = await gitlab.GetIssueAsync(caseRef.ProjectId, caseRef.IssueIid, cancellationToken);
        var notes = new List<string>();
        await foreach (var note in gitlab.ListIssueNotesAsync(caseRef.ProjectId, caseRef.IssueIid, cancellationToken))
        {
            if (!note.System && !note.Body.Contains("<!-- ragnarok:", StringComparison.Ordinal))
            {
                notes.Add(note.Body);
            }
        }

        var input = new EscalationInput(
            issue.Title,
            issue.Description ?? "",
            issue.Labels,
            notes,
            issue.CreatedAt ?? time.GetUtcNow(),
            $"{caseRef.ProjectPath}#{caseRef.IssueIid}");
        return (issue, EscalationNormalizer.Normalize(input, KnownServices(policy)));
    }

    public static IReadOnlyList<KnownService> KnownServices(RepositoryPolicy policy) =>
        policy.Services.Select(s => new KnownService(s.Name, s.Keywords, s.Paths, s.Endpoints)).ToList();
}
