using Microsoft.Extensions.Logging;

namespace RagnarokOps.Activities;

/// <summary>What the escalation activities tell operators (event ids 3xxx). Never a token, never a note body.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Policy of project {ProjectId} is invalid ({Count} problem(s)); using the safe defaults")]
    public static partial void PolicyInvalid(ILogger logger, long projectId, int count);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Policy of project {ProjectId}: {Problem}")]
    public static partial void PolicyProblem(ILogger logger, long projectId, string problem);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Escalation {InstanceId} duplicates {OriginalId}: {Reason}")]
    public static partial void DuplicateFound(ILogger logger, string instanceId, string originalId, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Source} evidence missing for {InstanceId}: {Reason}")]
    public static partial void EvidenceMissing(ILogger logger, string source, string instanceId, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Triage note {NoteId} published for {InstanceId}")]
    public static partial void ReportPublished(ILogger logger, long noteId, string instanceId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Replay for {InstanceId} refused: {Reason}")]
    public static partial void ReplayRefused(ILogger logger, string instanceId, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Draft merge request !{Iid} for {InstanceId} on {Branch} (created: {Created})")]
    public static partial void MergeRequestReady(ILogger logger, long iid, string instanceId, string branch, bool created);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Hotfix for {InstanceId} not opened: {Problem}")]
    public static partial void HotfixProblem(ILogger logger, string instanceId, string problem);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Outcome {Outcome} published for {InstanceId}")]
    public static partial void OutcomePublished(ILogger logger, string outcome, string instanceId);
}
