using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Scoring;

/// <summary>A change that happened before the onset, with what it carries. Exactly one of the evidence fields is set.</summary>
/// <param name="LiveAt">When the change reached the environment: the deployment that carried a commit, else the change itself.</param>
internal sealed record Candidate(
    HypothesisKind Kind,
    string Reference,
    string Title,
    DateTimeOffset ChangedAt,
    DateTimeOffset LiveAt,
    string? LiveVia,
    IReadOnlyList<CommitEvidence> Commits,
    DeploymentEvidence? Deployment,
    FlagChangeEvidence? Flag,
    ConfigDriftEvidence? Drift,
    string? Link)
{
    public IEnumerable<ChangedFile> Files => Commits.SelectMany(c => c.Files);

    /// <summary>A deployment and a commit it carries are the same explanation at two sizes, so they do not compete.</summary>
    public bool Nests(Candidate other) =>
        (Deployment is not null && other.Deployment is null && other.Commits.Count == 1 && Commits.Any(c => c.Sha == other.Reference))
        || (other.Deployment is not null && Deployment is null && Commits.Count == 1 && other.Commits.Any(c => c.Sha == Reference));
}
