namespace RagnarokOps.Domain.Escalations;

/// <summary>Scores known services against an escalation: labels first, then names, keywords and stack paths.</summary>
public static class ServiceMatcher
{
    public static IReadOnlyList<ServiceCandidate> Match(
        string title, string text, IReadOnlyList<string> labels, IReadOnlyList<StackFrame> frames, IReadOnlyList<KnownService> services,
        IReadOnlyList<string>? endpoints = null)
    {
        var candidates = new List<ServiceCandidate>();
        foreach (var service in services)
        {
            var score = 0;
            var reasons = new List<string>();
            if (labels.Any(l => LabelNames(l, service.Name)))
            {
                score += 6;
                reasons.Add($"labelled `{service.Name}`");
            }

            if (TextMatch.ContainsWord(title, service.Name))
            {
                score += 3;
                reasons.Add($"title names `{service.Name}`");
            }
            else if (TextMatch.ContainsWord(text, service.Name))
            {
                score += 2;
                reasons.Add($"text names `{service.Name}`");
            }

            var keywords = service.Keywords.Where(k => TextMatch.ContainsWord(text, k)).ToList();
            if (keywords.Count > 0)
            {
                score += Math.Min(3, keywords.Count);
                reasons.Add($"keywords {string.Join(", ", keywords.Select(k => $"`{k}`"))}");
            }

            var owned = frames.Where(f => f.File is not null && PathMatch.OwnedBy(f.File, service.Paths)).Select(f => f.File!).Distinct().ToList();
            if (owned.Count > 0)
            {
                score += 3;
                reasons.Add($"stack frames in its paths ({string.Join(", ", owned.Take(3).Select(f => $"`{f}`"))})");
            }

            var served = (endpoints ?? []).Where(e => (service.Endpoints ?? []).Any(p => Serves(p, e))).ToList();
            if (served.Count > 0)
            {
                score += 4;
                reasons.Add($"serves {string.Join(", ", served.Take(3).Select(e => $"`{e}`"))}");
            }

            if (score > 0)
            {
                candidates.Add(new ServiceCandidate(service.Name, score, reasons));
            }
        }

        return candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    // "POST /api/checkout" serves exactly that; "/api/checkout" serves every method under that path.
    private static bool Serves(string pattern, string endpoint)
    {
        var p = pattern.Trim();
        if (p.Contains(' ', StringComparison.Ordinal))
        {
            return endpoint.StartsWith(SignatureExtractor.NormalizeEndpoint(p[..p.IndexOf(' ')], p[(p.IndexOf(' ') + 1)..]), StringComparison.OrdinalIgnoreCase);
        }

        var path = endpoint[(endpoint.IndexOf(' ') + 1)..];
        var prefix = p.TrimEnd('/', '*');
        return path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
    }

    // "service::checkout", "service:checkout", "checkout"
    private static bool LabelNames(string label, string service)
    {
        var value = label.Contains(':', StringComparison.Ordinal) ? label[(label.LastIndexOf(':') + 1)..] : label;
        return string.Equals(value.Trim(), service, StringComparison.OrdinalIgnoreCase);
    }
}
