namespace RagnarokOps.Domain.Classification;

/// <summary>
/// A failure classification rule from <c>rules.yaml</c>. A line matches the rule when any pattern matches it.
/// </summary>
/// <param name="Id">Stable id; a repository rule with the same id replaces the built-in one.</param>
/// <param name="Category">Family (java, kubernetes, ci-test, …), used for severity overrides and reports.</param>
/// <param name="Patterns">.NET regular expressions, matched against one log line at a time.</param>
/// <param name="Hint">What to look at first, for the person on call.</param>
/// <param name="Preventable">True when a test, check or guard could have caught it before production.</param>
/// <param name="Priority">
/// How well a match explains the failure (0–100): the failure chunk is taken at the first line of the highest
/// priority rule, so a compiler error (70) wins over the runner's closing "Job failed" line (10).
/// </param>
/// <param name="ContextBefore">Optional pattern: directly preceding lines that match it join the chunk (e.g. Go test output).</param>
/// <param name="Source">Where the rule came from (<c>built-in</c> or the file that added it).</param>
public sealed record FailureRule(
    string Id,
    string Category,
    string Title,
    SeverityLevel Severity,
    IReadOnlyList<string> Patterns,
    string Hint,
    bool Preventable,
    int Priority = FailureRule.DefaultPriority,
    string? ContextBefore = null,
    string Source = FailureRule.BuiltInSource)
{
    public const int DefaultPriority = 50;

    public const string BuiltInSource = "built-in";
}
