using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Classification;

/// <summary>What a CI runner's own line says about the job.</summary>
internal enum CiMarker
{
    None,

    /// <summary>A command starts (Travis/GitLab <c>$ cmd</c>, GitHub <c>##[group]Run cmd</c>): its output follows.</summary>
    CommandStart,

    /// <summary>The command whose output is above failed (Travis <c>The command "…" exited with 1.</c>, GitHub <c>##[error]Process completed with exit code 1</c>, make's <c>*** … Error 2</c>).</summary>
    CommandFailed,

    /// <summary>The whole job failed (GitLab <c>ERROR: Job failed</c>, Travis <c>Done. Your build exited with 1.</c>).</summary>
    JobFailed,

    /// <summary>The job succeeded (GitLab <c>Job succeeded</c>, Travis <c>Done. Your build exited with 0.</c>).</summary>
    JobSucceeded,

    /// <summary>A line only CI runners print (fold/section markers, runner banners): the log is a CI job trace.</summary>
    CiStructure,
}

/// <summary>Recognises the CI runners' own lines (Travis, GitLab, GitHub Actions, make) on a cleaned line.</summary>
internal static partial class CiMarkers
{
    public static CiMarker Of(ReadOnlySpan<char> line, ReadOnlySpan<char> raw, bool checkStructure = true)
    {
        if (line.Length == 0)
        {
            return checkStructure && raw.Length > 0 && IsStructure(raw) ? CiMarker.CiStructure : CiMarker.None;
        }

        var first = line[0];
        if (first == '$' && line.Length > 2 && line[1] == ' ')
        {
            return CiMarker.CommandStart;
        }

        if (first == 'R' && line.StartsWith("Run ") && raw.Contains("##[group]Run ", StringComparison.Ordinal))
        {
            return CiMarker.CommandStart;
        }

        if (first == 'T' && line.StartsWith("The command \"") && TravisExit().Match(line.ToString()) is { Success: true } m)
        {
            return m.Groups[1].ValueSpan is "0" ? CiMarker.None : CiMarker.CommandFailed;
        }

        if (first == '#' && line.StartsWith("##[error]Process completed with exit code "))
        {
            return CiMarker.CommandFailed;
        }

        if (first == 'm' && line.StartsWith("make") && MakeError().IsMatch(line))
        {
            return CiMarker.CommandFailed;
        }

        if (first == 'E' && line.StartsWith("ERROR: Job failed"))
        {
            return CiMarker.JobFailed;
        }

        if (first == 'D' && line.StartsWith("Done. Your build exited with "))
        {
            return line.StartsWith("Done. Your build exited with 0.") ? CiMarker.JobSucceeded : CiMarker.JobFailed;
        }

        if (first == 'J' && line.StartsWith("Job succeeded"))
        {
            return CiMarker.JobSucceeded;
        }

        return checkStructure && IsStructure(raw) ? CiMarker.CiStructure : CiMarker.None;
    }

    private static bool IsStructure(ReadOnlySpan<char> raw) =>
        raw.StartsWith("travis_fold:") || raw.StartsWith("section_start:") || raw.Contains("##[group]", StringComparison.Ordinal)
        || (raw.Length > 28 && TerminalText.TimestampLength(raw) > 20 && raw.Contains("##[", StringComparison.Ordinal))
        || raw.StartsWith("Running with gitlab-runner");

    [GeneratedRegex("""^The command ".*" (?:exited with (\d+)|failed)""", RegexOptions.CultureInvariant)]
    private static partial Regex TravisExit();

    [GeneratedRegex("""^make(?:\[\d+\])?: \*\*\* .*Error \d+""", RegexOptions.CultureInvariant)]
    private static partial Regex MakeError();
}
