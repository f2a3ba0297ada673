namespace RagnarokOps.Connectors.GitLab;

/// <summary>A thread of notes (discussions API); <see cref="IndividualNote"/> is a single note that is not a thread.</summary>
public sealed record GitLabDiscussion
{
    public required string Id { get; init; }

    public bool IndividualNote { get; init; }

    public IReadOnlyList<GitLabNote> Notes { get; init; } = [];
}
