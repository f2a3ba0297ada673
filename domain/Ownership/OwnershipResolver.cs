using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Ownership;

/// <summary>A rule that gave a path owners: from CODEOWNERS (file, line, pattern, section) or from a policy service.</summary>
/// <param name="Source"><c>CODEOWNERS</c> or <c>.ragnarok.yaml</c>.</param>
/// <param name="Section">CODEOWNERS section, or the service name for a policy match.</param>
public sealed record OwnerMatch(string Source, string File, int Line, string Pattern, string Section, bool Optional, int ApprovalsRequired, IReadOnlyList<string> Owners)
{
    public string Describe() => Source == OwnershipResolver.PolicySource
        ? $"service {Section} owns `{Pattern}` ({File} line {Line})"
        : $"{File} line {Line}: `{Pattern}` in section [{Section}]{(Optional ? " (optional)" : "")}";
}

/// <summary>Who owns a path, every rule that said so, and when nobody does, why.</summary>
public sealed record OwnershipResult(string Path, IReadOnlyList<string> Owners, IReadOnlyList<OwnerMatch> Matches, string? Reason)
{
    public bool HasOwners => Owners.Count > 0;
}

/// <summary>
/// Answers "who owns this path?" from CODEOWNERS (GitLab semantics: within each section the last matching line wins;
/// owners of all matching sections are combined) and then from the policy's service owners.
/// </summary>
public sealed class OwnershipResolver(CodeOwnersFile? codeOwners, RepositoryPolicy policy, string policyFile = PolicyParser.FileName)
{
    public const string CodeOwnersSource = "CODEOWNERS";
    public const string PolicySource = ".ragnarok.yaml";

    public OwnershipResult Find(string path)
    {
        var normalized = path.Replace('\\', '/').TrimStart('/');
        var matches = new List<OwnerMatch>();
        var notes = new List<string>();
        if (codeOwners is null)
        {
            notes.Add("there is no CODEOWNERS file");
        }
        else
        {
            var lastBySection = new Dictionary<string, CodeOwnersEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in codeOwners.Entries)
            {
                if (entry.IsMatch(normalized))
                {
                    lastBySection[entry.Section.Name] = entry;
                }
            }

            foreach (var entry in lastBySection.Values.OrderBy(e => e.Line))
            {
                if (entry.Exclusion)
                {
                    notes.Add($"{codeOwners.Path} line {entry.Line} excludes `{normalized}` from section [{entry.Section.Name}]");
                    continue;
                }

                matches.Add(new OwnerMatch(CodeOwnersSource, codeOwners.Path, entry.Line, entry.Pattern, entry.Section.Name,
                    entry.Section.Optional, entry.Section.ApprovalsRequired, entry.Owners));
            }

            if (lastBySection.Count == 0)
            {
                notes.Add($"no CODEOWNERS rule matched `{normalized}`");
            }
        }

        foreach (var service in policy.ServicesForPath(normalized))
        {
            matches.Add(new OwnerMatch(PolicySource, policyFile, service.Line, service.MatchingPath(normalized)!, service.Name, false, 0, service.Owners));
        }

        if (!matches.Any(m => m.Source == PolicySource))
        {
            notes.Add(policy.Services.Count == 0 ? "the policy defines no services" : $"no service in {policyFile} has a path matching `{normalized}`");
        }

        var owners = matches.SelectMany(m => m.Owners).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string? reason = null;
        if (owners.Count == 0)
        {
            reason = matches.Count > 0
                ? $"the matching rules name no owners ({string.Join("; ", matches.Select(m => m.Describe()))})"
                : string.Join("; ", notes);
        }

        return new OwnershipResult(normalized, owners, matches, reason);
    }

    /// <summary>
    /// The owners of a service for its incidents: the policy's <c>owners</c>, else the CODEOWNERS rules for the folders
    /// its <c>paths</c> name (the literal part of each glob); with neither, why not.
    /// </summary>
    public OwnershipResult FindOwnersOfService(string service)
    {
        var byPolicy = FindForService(service);
        if (byPolicy.HasOwners || policy.FindService(service) is not { Paths.Count: > 0 } s)
        {
            return byPolicy;
        }

        var reasons = new List<string> { byPolicy.Reason! };
        foreach (var folder in s.Paths.Select(LiteralFolder).Distinct(StringComparer.Ordinal))
        {
            var byPath = Find(folder);
            var rules = byPath.Matches.Where(m => m.Source == CodeOwnersSource).ToList();
            var owners = rules.SelectMany(m => m.Owners).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (owners.Count > 0)
            {
                return new OwnershipResult(byPath.Path, owners, rules, null);
            }

            reasons.Add(rules.Count > 0 ? $"the CODEOWNERS rules for `{byPath.Path}` name no owners"
                : codeOwners is null ? "there is no CODEOWNERS file"
                : $"no CODEOWNERS rule matched `{byPath.Path}`");
        }

        return new OwnershipResult("", [], [], string.Join("; ", reasons.Distinct(StringComparer.Ordinal)));
    }

    /// <summary>The folder a path glob starts with ("src/Checkout.Api/**" → "src/Checkout.Api/"); "" for a glob that starts with a wildcard.</summary>
    private static string LiteralFolder(string glob)
    {
        var segments = glob.Replace('\\', '/').TrimStart('/').Split('/');
        var literal = segments.TakeWhile(x => x.IndexOfAny(['*', '?', '[', '{']) < 0).ToList();
        if (literal.Count == segments.Length)
        {
            literal.RemoveAt(literal.Count - 1); // a file path: its folder
        }

        return literal.Count == 0 ? "" : string.Join('/', literal) + "/";
    }

    /// <summary>The owners of a policy service by name, with the service line as the rule.</summary>
    public OwnershipResult FindForService(string service)
    {
        if (policy.FindService(service) is not { } s)
        {
            return new OwnershipResult("", [], [], $"no service named `{service}` in {policyFile}");
        }

        var match = new OwnerMatch(PolicySource, policyFile, s.Line, string.Join(", ", s.Paths), s.Name, false, 0, s.Owners);
        return new OwnershipResult("", s.Owners, [match], s.Owners.Count == 0 ? $"service `{service}` lists no owners in {policyFile}" : null);
    }
}
