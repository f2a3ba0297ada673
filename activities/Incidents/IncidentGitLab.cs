using RagnarokOps.Activities.Cases;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Incidents;
using RagnarokOps.Domain.Ownership;

namespace RagnarokOps.Activities.Incidents;

/// <summary>
/// The incident flow's GitLab reads and writes. Every write first looks for its hidden marker, so a second run of an
/// activity finds what the first one wrote and writes nothing.
/// </summary>
internal sealed class IncidentGitLab(IGitLabClient gitlab)
{
    public async Task<IncidentCase> GradeAsync(IncidentSignal signal, CancellationToken cancellationToken)
    {
        var project = await gitlab.GetProjectAsync(signal.Project, cancellationToken);
        var repository = await new RepositoryReader(gitlab).LoadAsync(project.Id, cancellationToken);
        var grade = IncidentGrader.Grade(signal, repository.Policy);
        var owners = new OwnershipResolver(repository.CodeOwners, repository.Policy).FindOwnersOfService(signal.Service);
        return new IncidentCase(signal, grade, IncidentFingerprint.Of(signal, grade.Category), owners.Owners, owners.Reason,
            repository.Policy.Incidents.KeepOpen, repository.Policy.Incidents.Email, repository.Policy.LiveEnvironment);
    }

    public async Task<FileIncidentResult> FileAsync(IncidentCase incident, CancellationToken cancellationToken)
    {
        var project = await gitlab.GetProjectAsync(incident.Signal.Project, cancellationToken);
        var open = await FindAsync(project.Id, incident.Fingerprint, "opened", cancellationToken);
        return incident.Signal.Kind == SignalKind.Failing
            ? await FailingAsync(project.Id, incident, open, cancellationToken)
            : await RecoveredAsync(project.Id, incident, open, cancellationToken);
    }

    public async Task<IncidentWikiResult> WriteWikiAsync(IncidentCase incident, IncidentIssue issue, EvidenceBundle? evidence, CancellationToken cancellationToken)
    {
        var project = await gitlab.GetProjectAsync(issue.ProjectId, cancellationToken);
        var title = IncidentRenderer.WikiTitle(incident);
        var content = IncidentRenderer.WikiPage(incident, issue, await SuspectsAsync(project.Id, incident, evidence, cancellationToken));
        string action;
        string slug;
        try
        {
            var page = await gitlab.GetWikiPageAsync(project.Id, title, cancellationToken);
            slug = page.Slug;
            action = page.Content == content ? "unchanged" : "updated";
            if (action == "updated")
            {
                await gitlab.UpdateWikiPageAsync(project.Id, page.Slug, content, null, cancellationToken);
            }
        }
        catch (GitLabApiException e) when (e.IsNotFound)
        {
            slug = (await gitlab.CreateWikiPageAsync(project.Id, title, content, cancellationToken)).Slug;
            action = "created";
        }

        return new IncidentWikiResult($"{project.WebUrl?.TrimEnd('/')}/-/wikis/{slug}", slug, action);
    }

    /// <summary>The suspect changes the escalations' scorer ranks from the gathered evidence, or why there are none.</summary>
    private async Task<SuspectChanges> SuspectsAsync(long projectId, IncidentCase incident, EvidenceBundle? evidence, CancellationToken cancellationToken)
    {
        if (evidence is null)
        {
            return SuspectChanges.NotGathered(incident.Signal, "the evidence is still being gathered; this page is rewritten in place with the ranked suspects when it is in");
        }

        var repository = await new RepositoryReader(gitlab).LoadAsync(projectId, cancellationToken);
        return IncidentSuspects.Rank(incident, evidence, EscalationReader.KnownServices(repository.Policy));
    }

    /// <summary>Whether the ledger on the issue shows this channel already told of this state.</summary>
    public async Task<bool> AlreadySentAsync(IncidentIssue issue, string marker, CancellationToken cancellationToken)
    {
        await foreach (var note in gitlab.ListIssueNotesAsync(issue.ProjectId, issue.Iid, cancellationToken))
        {
            if (IncidentMarkers.Has(note.Body, marker))
            {
                return true;
            }
        }

        return false;
    }

    public Task RecordSentAsync(IncidentIssue issue, string marker, string detail, CancellationToken cancellationToken) =>
        gitlab.CreateIssueNoteAsync(issue.ProjectId, issue.Iid, $"{marker}\nNotified: {detail}", cancellationToken);

    private async Task<FileIncidentResult> FailingAsync(long projectId, IncidentCase incident, GitLabIssue? open, CancellationToken cancellationToken)
    {
        if (open is null)
        {
            var previous = await PreviousAsync(projectId, incident, cancellationToken);
            var assignment = await AssignAsync(incident, cancellationToken);
            var created = await gitlab.CreateIssueAsync(projectId, new GitLabNewIssue
            {
                Title = IncidentRenderer.Title(incident),
                Description = IncidentRenderer.IssueBody(incident, previous, assignment),
                Labels = string.Join(',', IncidentRenderer.Labels(incident)),
                AssigneeIds = assignment.UserIds.Count > 0 ? assignment.UserIds : null,
            }, cancellationToken);
            return new FileIncidentResult(Issue(projectId, created, 1, created: true, previous), null, "filed");
        }

        var repeat = IncidentMarkers.Repeat(incident.Fingerprint, incident.Signal.ObservedAt);
        var count = IncidentMarkers.ReadCount(open.Description) ?? 1;
        await foreach (var note in gitlab.ListIssueNotesAsync(projectId, open.Iid, cancellationToken))
        {
            if (IncidentMarkers.Has(note.Body, repeat))
            {
                return new FileIncidentResult(Issue(projectId, open, IncidentMarkers.ReadCount(note.Body) ?? count, false, []), null, "repeat already noted");
            }

            count = Math.Max(count, IncidentMarkers.ReadCount(note.Body) ?? 0);
        }

        await gitlab.CreateIssueNoteAsync(projectId, open.Iid, IncidentRenderer.RepeatNote(incident, count + 1), cancellationToken);
        return new FileIncidentResult(Issue(projectId, open, count + 1, false, []), null, "repeat noted");
    }

    private async Task<FileIncidentResult> RecoveredAsync(long projectId, IncidentCase incident, GitLabIssue? open, CancellationToken cancellationToken)
    {
        var marker = IncidentMarkers.Recovery(incident.Fingerprint, incident.Signal.ObservedAt);
        var issue = open ?? await FindAsync(projectId, incident.Fingerprint, "closed", cancellationToken);
        if (issue is null)
        {
            return new FileIncidentResult(null, $"no incident with fingerprint {incident.Fingerprint} is filed, so there is nothing to recover", "none");
        }

        var noted = false;
        var count = IncidentMarkers.ReadCount(issue.Description) ?? 1;
        await foreach (var note in gitlab.ListIssueNotesAsync(projectId, issue.Iid, cancellationToken))
        {
            noted |= IncidentMarkers.Has(note.Body, marker);
            count = Math.Max(count, IncidentMarkers.ReadCount(note.Body) ?? 0);
        }

        if (open is null && !noted)
        {
            return new FileIncidentResult(null, $"incident #{issue.Iid} is already closed; no open incident to recover", "none");
        }

        if (!noted)
        {
            await gitlab.CreateIssueNoteAsync(projectId, issue.Iid, IncidentRenderer.RecoveryNote(incident, closing: !incident.KeepOpen), cancellationToken);
        }

        if (open is not null && !incident.KeepOpen)
        {
            issue = await gitlab.UpdateIssueAsync(projectId, issue.Iid, new GitLabIssuableUpdate { StateEvent = "close" }, cancellationToken);
        }

        var closed = issue.State == "closed";
        return new FileIncidentResult(Issue(projectId, issue, count, false, []), null, closed ? "recovered and closed" : "recovered, kept open");
    }

    /// <summary>The owners that are GitLab users (GET /users?username=), and why each other one, or nobody, is assigned.</summary>
    private async Task<IncidentAssignment> AssignAsync(IncidentCase incident, CancellationToken cancellationToken)
    {
        if (incident.Owners.Count == 0)
        {
            return new IncidentAssignment([], [], $"no owner: {incident.OwnerReason ?? "the policy and CODEOWNERS name none"}");
        }

        var (candidates, skipped) = IncidentAssignment.Candidates(incident.Owners);
        var reasons = new List<string>(skipped);
        var ids = new List<long>();
        var usernames = new List<string>();
        foreach (var username in candidates)
        {
            if (await gitlab.FindUserAsync(username, cancellationToken) is { } user)
            {
                ids.Add(user.Id);
                usernames.Add(user.Username ?? username);
            }
            else
            {
                reasons.Add($"@{username}: no GitLab user with that username");
            }
        }

        return new IncidentAssignment(ids, usernames, reasons.Count > 0 ? string.Join("; ", reasons) : null);
    }

    private async Task<GitLabIssue?> FindAsync(long projectId, string fingerprint, string state, CancellationToken cancellationToken)
    {
        var marker = IncidentMarkers.Issue(fingerprint);
        await foreach (var issue in gitlab.ListIssuesAsync(projectId, new GitLabIssueQuery { Labels = IncidentRenderer.IncidentLabel, State = state, Search = fingerprint }, cancellationToken))
        {
            if (IncidentMarkers.Has(issue.Description, marker))
            {
                return issue;
            }
        }

        return null;
    }

    /// <summary>Closed incidents of the same service and category, newest first ("happened before").</summary>
    private async Task<IReadOnlyList<long>> PreviousAsync(long projectId, IncidentCase incident, CancellationToken cancellationToken)
    {
        var labels = string.Join(',', IncidentRenderer.IncidentLabel, $"category::{incident.Grade.Category}", incident.Signal.Service);
        var result = new List<long>();
        await foreach (var issue in gitlab.ListIssuesAsync(projectId, new GitLabIssueQuery { Labels = labels, State = "closed" }, cancellationToken))
        {
            result.Add(issue.Iid);
            if (result.Count == 10)
            {
                break;
            }
        }

        return result;
    }

    private static IncidentIssue Issue(long projectId, GitLabIssue issue, int count, bool created, IReadOnlyList<long> previous) =>
        new(projectId, issue.Iid, issue.WebUrl ?? "", count, created, issue.State == "closed", previous);
}
