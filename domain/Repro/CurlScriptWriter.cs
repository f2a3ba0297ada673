using System.Text;

namespace RagnarokOps.Domain.Repro;

/// <summary>
/// The curl repro as a POSIX sh script: exits 0 when the expected status comes back, 1 while the bug is
/// present. Credentials come from REPRO_* variables and are never written into the script.
/// </summary>
internal static class CurlScriptWriter
{
    public static string Script(RegressionCase c)
    {
        var r = c.Request;
        var s = new StringBuilder()
            .Append("#!/usr/bin/env sh\n")
            .Append("# ").Append(c.Marker).Append('\n')
            .Append("# ").Append(c.Description).Append('\n')
            .Append("set -eu\n")
            .Append(": \"${").Append(c.StagingVariable).Append(":?").Append(c.MissingStagingMessage.Replace("}", string.Empty, StringComparison.Ordinal)).Append("}\"\n")
            .Append("base=\"${").Append(c.StagingVariable).Append("%/}\"\n")
            .Append("set -- -sS -o /dev/null -w '%{http_code}' -X ").Append(CodeText.Shell(r.Method)).Append('\n');
        foreach (var h in r.LiteralHeaders)
        {
            s.Append("set -- \"$@\" -H ").Append(CodeText.Shell($"{h.Name}: {h.Value}")).Append('\n');
        }

        foreach (var h in r.SecretHeaders)
        {
            s.Append("if [ -n \"${").Append(h.EnvironmentVariable).Append(":-}\" ]; then set -- \"$@\" -H \"").Append(h.Name).Append(": $").Append(h.EnvironmentVariable).Append("\"; fi\n");
        }

        if (r.Body is not null)
        {
            s.Append("set -- \"$@\" --data-binary ").Append(CodeText.Shell(r.Body)).Append('\n');
        }

        return s.Append("status=$(curl \"$@\" \"$base\"").Append(CodeText.Shell(r.PathAndQuery)).Append(")\n")
            .Append("echo \"status $status, expected ").Append(r.ExpectedStatus).Append("\"\n")
            .Append("[ \"$status\" = \"").Append(r.ExpectedStatus).Append("\" ]\n")
            .ToString();
    }

    /// <summary>The same request as one command line for the plan, showing the response.</summary>
    public static string OneCommand(RegressionCase c)
    {
        var r = c.Request;
        var parts = new List<string> { "curl", "-sS", "-i", "-X", CodeText.Shell(r.Method) };
        foreach (var h in r.LiteralHeaders)
        {
            parts.Add("-H");
            parts.Add(CodeText.Shell($"{h.Name}: {h.Value}"));
        }

        foreach (var h in r.SecretHeaders)
        {
            parts.Add("-H");
            parts.Add($"\"{h.Name}: ${h.EnvironmentVariable}\"");
        }

        if (r.Body is not null)
        {
            parts.Add("--data-binary");
            parts.Add(CodeText.Shell(r.Body));
        }

        parts.Add($"\"${{{c.StagingVariable}%/}}\"{CodeText.Shell(r.PathAndQuery)}");
        return string.Join(' ', parts);
    }
}
