namespace RagnarokOps.Domain.Repro;

/// <summary>
/// The request that fails in production, as the evidence shows it. <see cref="Path"/> is the path and query
/// (an absolute URL is cut to its path: the repro always targets staging). Secrets may be present here;
/// everything generated from it is redacted.
/// </summary>
public sealed record FailingRequest(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    int ExpectedStatus,
    int? ActualStatus,
    string? ActualError);

/// <summary>
/// What the repository looks like: every file path (forward slashes, relative to the root) and the text of its
/// manifest files (*.csproj, package.json, pyproject.toml, requirements*.txt, pytest.ini, setup.cfg, go.mod,
/// pom.xml, build.gradle[.kts]) keyed by path.
/// </summary>
public sealed record RepositorySnapshot(IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> Manifests);

/// <summary>Everything the repro plan and the regression test are built from.</summary>
public sealed record ReproInput(
    string CaseId,
    string ServiceName,
    FailingRequest Request,
    RepositorySnapshot Repository,
    string StagingUrlVariable = "STAGING_URL");
