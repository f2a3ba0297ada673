namespace RagnarokOps.Sandbox;

/// <summary>How a <see cref="SandboxServer"/> starts.</summary>
public sealed record SandboxOptions
{
    /// <summary>The personal access token of the sandbox's administrator ("root"); every API call needs it (or a member's token).</summary>
    public const string DefaultToken = "glpat-ragnarok-sandbox";

    /// <summary>Where to listen; port 0 picks a free loopback port (tests, <c>demo</c>).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8929";

    /// <summary>Folder for bare repositories, the SQLite store, logs and <c>ground-truth.json</c>.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, ".sandbox");

    /// <summary>Built-in scenario name (<c>checkout</c>) or a local git repository to import; null seeds nothing.</summary>
    public string? Seed { get; init; }

    public string Token { get; init; } = DefaultToken;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    // The compiler's record ToString would print the administrator token.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Urls = ").Append(Urls)
            .Append(", DataDirectory = ").Append(DataDirectory)
            .Append(", Seed = ").Append(Seed)
            .Append(", Token = [REDACTED]");
        return true;
    }
}
