namespace RagnarokOps.Domain.Escalations;

/// <summary>
/// A service the repository declares (from its policy): the name, product words that point at it, and the
/// repository paths it owns (prefixes or globs such as <c>src/Checkout/**</c>).
/// </summary>
public sealed record KnownService(string Name, IReadOnlyList<string> Keywords, IReadOnlyList<string> Paths);
