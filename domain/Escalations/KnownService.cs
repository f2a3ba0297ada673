namespace RagnarokOps.Domain.Escalations;

/// <summary>
/// A service the repository declares (from its policy): the name, product words that point at it, and the
/// repository paths it owns (prefixes or globs such as <c>src/Checkout/**</c>), and optionally the endpoints
/// it serves (<c>POST /api/checkout</c> or a path prefix such as <c>/api/checkout</c>).
/// </summary>
public sealed record KnownService(string Name, IReadOnlyList<string> Keywords, IReadOnlyList<string> Paths, IReadOnlyList<string>? Endpoints = null);
