namespace RagnarokOps.Activities.Environments;

/// <summary>Section <c>Environments</c>: which projects <c>--all-projects</c> means.</summary>
public sealed class EnvironmentOptions
{
    public const string SectionName = "Environments";

    /// <summary>Comma-separated project ids or paths.</summary>
    public string? Projects { get; set; }

    /// <summary>A GitLab group (path or id) whose projects, subgroups included, are all watched.</summary>
    public string? Group { get; set; }

    /// <summary>How many projects are answered at once.</summary>
    public int Parallelism { get; set; } = 4;
}
