using RagnarokOps.Activities.Cases;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Activities.Evidence;

/// <summary>What every gather activity is asked: this case, this service, this window.</summary>
public sealed record GatherRequest(CaseFile Case);

/// <summary>One source's answer: its items, or why there are none.</summary>
public sealed record SourceResult<T>(IReadOnlyList<T> Items, MissingEvidence? Missing)
{
    public static SourceResult<T> Absent(MissingEvidence missing) => new([], missing);
}

/// <summary>The logs' answer: the evidence, or why there is none.</summary>
public sealed record LogsResult(LogEvidence? Logs, MissingEvidence? Missing);
