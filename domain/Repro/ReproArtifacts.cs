namespace RagnarokOps.Domain.Repro;

/// <summary>The test frameworks a regression test can be written in; <see cref="ShellScript"/> is the fallback.</summary>
public enum TestFramework
{
    XUnit,
    NUnit,
    MSTest,
    Pytest,
    Jest,
    Vitest,
    GoTest,
    JUnit5,
    ShellScript,
}

/// <summary>
/// Where and how the repository's tests live: the framework, the folder for the new test (relative to the
/// repository root, "" for the root), and the namespace or package it belongs to where the language has one.
/// </summary>
public sealed record TestLayout(TestFramework Framework, string Directory, string? Namespace = null, bool TypeScript = false);

/// <summary>A file to add or save: repository-relative path and full text.</summary>
public sealed record GeneratedFile(string Path, string Content);

/// <summary>
/// The repro plan (Markdown), the curl script, and the regression test that fails while the bug is present.
/// <see cref="Marker"/> is the comment line naming the case, present in the script and the test, so that a
/// re-run can find what it generated before.
/// </summary>
public sealed record ReproArtifacts(TestLayout Layout, string PlanMarkdown, GeneratedFile Script, GeneratedFile RegressionTest, string Marker);
