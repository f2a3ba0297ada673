namespace RagnarokOps.Connectors.GitLab.Webhooks;

public enum RagnarokCommandKind
{
    /// <summary>A "/ragnarok" line with a verb we do not know; reply with help rather than stay silent.</summary>
    Unknown,
    Triage,
    Approve,
    Reject,
}

/// <summary>A "/ragnarok &lt;verb&gt; [arguments]" line from a comment.</summary>
public sealed record RagnarokCommand(RagnarokCommandKind Kind, string Verb, string Arguments);

/// <summary>Finds the first /ragnarok command in a note body. Pure; knows nothing of who wrote it.</summary>
public static class RagnarokCommandParser
{
    public const string Prefix = "/ragnarok";

    /// <summary>
    /// The first line that starts with /ragnarok, outside fenced code blocks and block quotes (quoting someone's
    /// "/ragnarok approve" must not approve again). Null when there is none.
    /// </summary>
    public static RagnarokCommand? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var inFence = false;
        foreach (var rawLine in body.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence || line.StartsWith('>') || !line.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = line[Prefix.Length..];
            if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
            {
                continue; // "/ragnarokfoo" is someone else's command
            }

            var parts = rest.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var verb = parts.Length > 0 ? parts[0].ToLowerInvariant() : "";
            var arguments = parts.Length > 1 ? parts[1] : "";
            var kind = verb switch
            {
                "triage" => RagnarokCommandKind.Triage,
                "approve" => RagnarokCommandKind.Approve,
                "reject" => RagnarokCommandKind.Reject,
                _ => RagnarokCommandKind.Unknown,
            };
            return new RagnarokCommand(kind, verb, arguments);
        }

        return null;
    }
}
