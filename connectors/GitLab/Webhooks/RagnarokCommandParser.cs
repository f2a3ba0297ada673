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
        if (SlashCommandLine.Find(body, Prefix) is not var (verb, arguments))
        {
            return null;
        }

        var kind = verb switch
        {
            "triage" => RagnarokCommandKind.Triage,
            "approve" => RagnarokCommandKind.Approve,
            "reject" => RagnarokCommandKind.Reject,
            _ => RagnarokCommandKind.Unknown,
        };
        return new RagnarokCommand(kind, verb, arguments);
    }
}

/// <summary>A "/&lt;prefix&gt; &lt;verb&gt; [arguments]" line in a comment, the way GitLab users write quick actions.</summary>
public static class SlashCommandLine
{
    /// <summary>
    /// The verb (lower case; empty when none) and the rest of the first line starting with <paramref name="prefix"/>,
    /// outside fenced code blocks and block quotes. Null when there is none.
    /// </summary>
    public static (string Verb, string Arguments)? Find(string? body, string prefix)
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

            if (inFence || line.StartsWith('>') || !line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = line[prefix.Length..];
            if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
            {
                continue; // "/ragnarokfoo" is someone else's command
            }

            var parts = rest.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return (parts.Length > 0 ? parts[0].ToLowerInvariant() : "", parts.Length > 1 ? parts[1] : "");
        }

        return null;
    }
}
