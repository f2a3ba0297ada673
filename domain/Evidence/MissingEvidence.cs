namespace RagnarokOps.Domain.Evidence;

/// <summary>
/// Evidence a case wanted and did not get, with the reason in words a person can act on
/// ("no logs: Log Analytics answered 403 Forbidden for workspace …"). Every "no answer" carries one.
/// </summary>
/// <param name="Source">Which source: <c>logs</c>, <c>deployments</c>, <c>pipelines</c>, <c>flags</c>, <c>commits</c>, <c>replay</c>, ….</param>
/// <param name="Reason">Why it is missing.</param>
public sealed record MissingEvidence(string Source, string Reason);
