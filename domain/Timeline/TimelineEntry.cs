namespace RagnarokOps.Domain.Timeline;

/// <summary>What an entry on the causality timeline is.</summary>
public enum TimelineEntryKind
{
    Commit,
    Pipeline,
    Deployment,
    FlagChange,
    ConfigDrift,
    FirstError,
    Onset,
    Escalation,
}

/// <summary>One thing that happened, with a link when the source has one.</summary>
/// <param name="Reference">The sha, flag name, pipeline id, or key this entry is about.</param>
public sealed record TimelineEntry(DateTimeOffset At, TimelineEntryKind Kind, string Title, string Reference, string? Link);
