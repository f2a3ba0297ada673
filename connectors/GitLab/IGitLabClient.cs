namespace RagnarokOps.Connectors.GitLab;

/// <summary>
/// The GitLab REST v4 calls RagnarokOps makes. Failures throw <see cref="GitLabApiException"/>; list calls stream
/// every page the server links to. Calls made inside <see cref="GitLabEventContext.Begin"/> carry X-Gitlab-Event-UUID.
/// </summary>
public interface IGitLabClient
{
    // Issues and notes
    Task<GitLabIssue> GetIssueAsync(GitLabProjectId project, long issueIid, CancellationToken cancellationToken);

    Task<GitLabIssue> CreateIssueAsync(GitLabProjectId project, GitLabNewIssue issue, CancellationToken cancellationToken);

    /// <summary>Adds and removes labels in one call (add_labels / remove_labels), leaving other labels alone; an empty change only reads the issue.</summary>
    Task<GitLabIssue> UpdateIssueLabelsAsync(GitLabProjectId project, long issueIid, GitLabLabelChange change, CancellationToken cancellationToken);

    IAsyncEnumerable<GitLabNote> ListIssueNotesAsync(GitLabProjectId project, long issueIid, CancellationToken cancellationToken);

    Task<GitLabNote> CreateIssueNoteAsync(GitLabProjectId project, long issueIid, string body, CancellationToken cancellationToken);

    Task<GitLabNote> UpdateIssueNoteAsync(GitLabProjectId project, long issueIid, long noteId, string body, CancellationToken cancellationToken);

    // Merge request notes and commit discussions (pipeline triage answers there)
    IAsyncEnumerable<GitLabNote> ListMergeRequestNotesAsync(GitLabProjectId project, long mergeRequestIid, CancellationToken cancellationToken);

    Task<GitLabNote> CreateMergeRequestNoteAsync(GitLabProjectId project, long mergeRequestIid, string body, CancellationToken cancellationToken);

    Task<GitLabNote> UpdateMergeRequestNoteAsync(GitLabProjectId project, long mergeRequestIid, long noteId, string body, CancellationToken cancellationToken);

    IAsyncEnumerable<GitLabDiscussion> ListCommitDiscussionsAsync(GitLabProjectId project, string sha, CancellationToken cancellationToken);

    /// <summary>Starts a discussion on a commit with one note; its note can later be edited (commit comments cannot).</summary>
    Task<GitLabDiscussion> CreateCommitDiscussionAsync(GitLabProjectId project, string sha, string body, CancellationToken cancellationToken);

    Task<GitLabNote> UpdateCommitDiscussionNoteAsync(GitLabProjectId project, string sha, string discussionId, long noteId, string body, CancellationToken cancellationToken);

    // Repository files and tree
    /// <summary>The file at <paramref name="gitRef"/> with its metadata (content base64-encoded; see <see cref="GitLabRepositoryFile.DecodeContent"/>).</summary>
    Task<GitLabRepositoryFile> GetFileAsync(GitLabProjectId project, string filePath, string gitRef, CancellationToken cancellationToken);

    Task<string> GetRawFileAsync(GitLabProjectId project, string filePath, string gitRef, CancellationToken cancellationToken);

    /// <summary>
    /// The file's text, or null when the repository has no such file: for optional files (<c>.ragnarokignore</c>,
    /// CODEOWNERS in its three places), whose absence is normal and is logged at Debug, not as a failed request.
    /// </summary>
    Task<string?> FindRawFileAsync(GitLabProjectId project, string filePath, string gitRef, CancellationToken cancellationToken);

    IAsyncEnumerable<GitLabTreeItem> ListTreeAsync(GitLabProjectId project, string? path, string? gitRef, bool recursive, CancellationToken cancellationToken);

    // Commits
    IAsyncEnumerable<GitLabCommit> ListCommitsAsync(GitLabProjectId project, GitLabCommitQuery query, CancellationToken cancellationToken);

    Task<GitLabCommit> GetCommitAsync(GitLabProjectId project, string sha, CancellationToken cancellationToken);

    IAsyncEnumerable<GitLabDiff> GetCommitDiffAsync(GitLabProjectId project, string sha, CancellationToken cancellationToken);

    /// <summary>Commits and diffs between two refs; <paramref name="straight"/> compares from..to instead of the merge base.</summary>
    Task<GitLabCompareResult> CompareAsync(GitLabProjectId project, string from, string to, bool straight, CancellationToken cancellationToken);

    Task<GitLabCommit> CreateCommitAsync(GitLabProjectId project, GitLabCommitRequest request, CancellationToken cancellationToken);

    /// <summary>Cherry-picks <paramref name="sha"/> onto <paramref name="branch"/>; conflict/empty refusals come back as results.</summary>
    Task<GitLabCommitChangeResult> CherryPickAsync(GitLabProjectId project, string sha, string branch, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Reverts <paramref name="sha"/> on <paramref name="branch"/>; conflict/empty refusals come back as results.</summary>
    Task<GitLabCommitChangeResult> RevertAsync(GitLabProjectId project, string sha, string branch, bool dryRun, CancellationToken cancellationToken);

    // Branches
    IAsyncEnumerable<GitLabBranch> ListBranchesAsync(GitLabProjectId project, string? search, CancellationToken cancellationToken);

    Task<GitLabBranch> CreateBranchAsync(GitLabProjectId project, string branch, string fromRef, CancellationToken cancellationToken);

    // Merge requests
    /// <summary>Creates a merge request; with <paramref name="draft"/> the title gets GitLab's "Draft: " prefix.</summary>
    Task<GitLabMergeRequest> CreateMergeRequestAsync(GitLabProjectId project, GitLabNewMergeRequest request, bool draft, CancellationToken cancellationToken);

    Task<GitLabMergeRequest> GetMergeRequestAsync(GitLabProjectId project, long mergeRequestIid, CancellationToken cancellationToken);

    /// <summary>Merge requests from <paramref name="sourceBranch"/>; <paramref name="state"/> is opened, closed, merged or null for all.</summary>
    IAsyncEnumerable<GitLabMergeRequest> ListMergeRequestsAsync(GitLabProjectId project, string sourceBranch, string? state, CancellationToken cancellationToken);

    /// <summary>GET /projects/:id/merge_requests/:iid/commits: the merge request's commits, newest first (GitLab's order), paginated.</summary>
    IAsyncEnumerable<GitLabCommit> ListMergeRequestCommitsAsync(GitLabProjectId project, long mergeRequestIid, CancellationToken cancellationToken);

    // Pipelines and jobs
    IAsyncEnumerable<GitLabPipeline> ListPipelinesAsync(GitLabProjectId project, GitLabPipelineQuery query, CancellationToken cancellationToken);

    Task<GitLabPipeline> GetPipelineAsync(GitLabProjectId project, long pipelineId, CancellationToken cancellationToken);

    Task<GitLabPipeline> CreatePipelineAsync(GitLabProjectId project, string gitRef, IReadOnlyList<GitLabPipelineVariable>? variables, CancellationToken cancellationToken);

    IAsyncEnumerable<GitLabJob> ListPipelineJobsAsync(GitLabProjectId project, long pipelineId, IReadOnlyCollection<GitLabJobScope>? scopes, CancellationToken cancellationToken);

    /// <summary>The project's jobs, newest first, with keyset pagination (stable while new jobs arrive).</summary>
    IAsyncEnumerable<GitLabJob> ListProjectJobsAsync(GitLabProjectId project, IReadOnlyCollection<GitLabJobScope>? scopes, CancellationToken cancellationToken);

    /// <summary>The job's log as plain text.</summary>
    Task<string> GetJobTraceAsync(GitLabProjectId project, long jobId, CancellationToken cancellationToken);

    // Deployments and environments
    IAsyncEnumerable<GitLabDeployment> ListDeploymentsAsync(GitLabProjectId project, GitLabDeploymentQuery query, CancellationToken cancellationToken);

    IAsyncEnumerable<GitLabEnvironment> ListEnvironmentsAsync(GitLabProjectId project, CancellationToken cancellationToken);

    Task<GitLabEnvironment> GetEnvironmentAsync(GitLabProjectId project, long environmentId, CancellationToken cancellationToken);

    // Feature flags
    IAsyncEnumerable<GitLabFeatureFlag> ListFeatureFlagsAsync(GitLabProjectId project, CancellationToken cancellationToken);

    Task<GitLabFeatureFlag> GetFeatureFlagAsync(GitLabProjectId project, string name, CancellationToken cancellationToken);

    // Members
    /// <summary>Members; with <paramref name="includeInherited"/> also those inherited from groups (members/all).</summary>
    IAsyncEnumerable<GitLabMember> ListMembersAsync(GitLabProjectId project, bool includeInherited, CancellationToken cancellationToken);

    /// <summary>The user's membership including inherited ones (members/all/:user_id); null when not a member.</summary>
    Task<GitLabMember?> GetMemberAsync(GitLabProjectId project, long userId, CancellationToken cancellationToken);

    /// <summary>The user's membership of a group (path such as <c>acme/sre</c>), inherited ones included; null when not a member or no such group.</summary>
    Task<GitLabMember?> GetGroupMemberAsync(string groupPath, long userId, CancellationToken cancellationToken);

    /// <summary>The user with exactly this username (GET /users?username=, without the leading @); null when there is none.</summary>
    Task<GitLabUser?> FindUserAsync(string username, CancellationToken cancellationToken);

    // Wikis and labels
    /// <summary>GET /projects/:id/wikis/:slug; a missing page throws <see cref="GitLabApiException"/> with IsNotFound.</summary>
    Task<GitLabWikiPage> GetWikiPageAsync(GitLabProjectId project, string slug, CancellationToken cancellationToken);

    Task<GitLabWikiPage> CreateWikiPageAsync(GitLabProjectId project, string title, string content, CancellationToken cancellationToken);

    Task<GitLabWikiPage> UpdateWikiPageAsync(GitLabProjectId project, string slug, string content, string? title, CancellationToken cancellationToken);

    IAsyncEnumerable<GitLabLabel> ListLabelsAsync(GitLabProjectId project, CancellationToken cancellationToken);

    Task<GitLabLabel> CreateLabelAsync(GitLabProjectId project, string name, string color, string? description, CancellationToken cancellationToken);

    // Environment branches (status, drift, promotion)
    Task<GitLabProject> GetProjectAsync(GitLabProjectId project, CancellationToken cancellationToken);

    /// <summary>The group's projects, subgroups included, archived ones left out.</summary>
    IAsyncEnumerable<GitLabProject> ListGroupProjectsAsync(string group, CancellationToken cancellationToken);

    Task<GitLabBranch> GetBranchAsync(GitLabProjectId project, string branch, CancellationToken cancellationToken);

    /// <summary>The best common ancestor of two refs (GET repository/merge_base).</summary>
    Task<GitLabCommit> GetMergeBaseAsync(GitLabProjectId project, string first, string second, CancellationToken cancellationToken);

    IAsyncEnumerable<GitLabIssue> ListIssuesAsync(GitLabProjectId project, GitLabIssueQuery query, CancellationToken cancellationToken);

    Task<GitLabIssue> UpdateIssueAsync(GitLabProjectId project, long issueIid, GitLabIssuableUpdate update, CancellationToken cancellationToken);

    IAsyncEnumerable<GitLabMergeRequest> ListMergeRequestsAsync(GitLabProjectId project, GitLabMergeRequestQuery query, CancellationToken cancellationToken);

    Task<GitLabMergeRequest> UpdateMergeRequestAsync(GitLabProjectId project, long mergeRequestIid, GitLabIssuableUpdate update, CancellationToken cancellationToken);
}
