using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Scoring;

/// <summary>
/// What the errors say, from the escalation text and the logs together: weighted tokens, literal phrases
/// (quoted messages, exception messages), and the file paths in stack frames.
/// </summary>
internal sealed record ErrorProfile(
    IReadOnlyDictionary<string, double> Tokens,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<StackFrame> Frames)
{
    public static ErrorProfile From(Escalation escalation, LogEvidence? logs, KnownService? service)
    {
        var text = new System.Text.StringBuilder(escalation.Text);
        var phrases = new List<string>(escalation.Signatures.Phrases);
        var frames = new List<StackFrame>(escalation.Signatures.StackFrames);
        if (logs is not null)
        {
            foreach (var exception in logs.TopExceptions)
            {
                text.Append('\n').Append(exception.Type).Append(' ').Append(exception.Message);
                AddPhrase(phrases, exception.Message);
            }

            foreach (var sample in logs.Samples)
            {
                text.Append('\n').Append(sample.ExceptionType).Append(' ').Append(sample.Message).Append(' ').Append(sample.RequestPath);
                AddPhrase(phrases, sample.Message);
                foreach (var raw in sample.StackFrames)
                {
                    text.Append('\n').Append(raw);
                    if (StackFrameParser.TryParse(raw, out var frame))
                    {
                        frames.Add(frame);
                    }
                }
            }
        }

        var tokens = Scoring.Tokens.Extract(text.ToString());
        foreach (var id in escalation.Signatures.RequestIds)
        {
            tokens.Remove(id.ToLowerInvariant());
        }

        // The service's own name is everywhere in its code; service match already counts it.
        if (service is not null)
        {
            foreach (var word in service.Keywords.Append(service.Name))
            {
                tokens.Remove(word.ToLowerInvariant());
            }
        }

        return new ErrorProfile(tokens, phrases.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), frames);
    }

    // A log message is a phrase worth finding in a diff only when it is specific enough to be a literal.
    private static void AddPhrase(List<string> phrases, string? message)
    {
        var trimmed = message?.Trim();
        if (trimmed is { Length: >= 8 and <= 160 } && trimmed.Contains(' ', StringComparison.Ordinal))
        {
            phrases.Add(trimmed);
        }
    }
}
