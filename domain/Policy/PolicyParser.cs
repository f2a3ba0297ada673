using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RagnarokOps.Domain.Policy;

/// <summary>The outcome of reading a policy: the policy when valid, and every problem found (file, line, column, field).</summary>
public sealed record PolicyLoadResult(RepositoryPolicy? Policy, IReadOnlyList<PolicyError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The policy, or a <see cref="PolicyException"/> listing every error.</summary>
    public RepositoryPolicy GetOrThrow() => Policy ?? throw new PolicyException(Errors);
}

/// <summary>
/// Reads <c>.ragnarok.yaml</c> into a <see cref="RepositoryPolicy"/>. One pass collects every error (unknown keys,
/// wrong types, bad values, cross-references such as promotion names) so a person fixes the file once.
/// </summary>
public static partial class PolicyParser
{
    public const string FileName = ".ragnarok.yaml";

    private static readonly string[] RootKeys = ["version", "escalation", "services", "environments", "promotion", "drift", "actions", "approval", "severity", "conflicts", "rollback", "incidents"];

    // conflicts and rollback (and environments[].environment) belong to the environment topology, which
    // TopologyParser reads from this same file; they are accepted here and validated there.

    /// <summary>Parses <paramref name="yaml"/>; null or blank text (no policy in the repository) gives the safe defaults.</summary>
    public static PolicyLoadResult Parse(string? yaml, string file = FileName)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return new PolicyLoadResult(RepositoryPolicy.Default, []);
        }

        var reader = new YamlFieldReader(file);
        var node = reader.Load(yaml);
        if (node is null)
        {
            return reader.Errors.Count > 0 ? new PolicyLoadResult(null, reader.Errors) : new PolicyLoadResult(RepositoryPolicy.Default, []);
        }

        var root = reader.Mapping(node, "");
        reader.RejectUnknownKeys(root, "", RootKeys);
        var version = reader.String(root, "version", "");
        if (version is not null and not "1")
        {
            reader.Error(YamlFieldReader.Child(root, "version")!, "version", $"unsupported version '{version}' (this RagnarokOps reads version 1)");
        }

        var escalation = reader.Mapping(YamlFieldReader.Child(root, "escalation"), "escalation");
        reader.RejectUnknownKeys(escalation, "escalation", "label");
        var label = reader.String(escalation, "label", "escalation") ?? RepositoryPolicy.DefaultEscalationLabel;

        var services = Services(reader, root);
        var environments = Environments(reader, root, out var declared);
        var promotion = Promotion(reader, root, declared);
        var drift = Drift(reader, root);
        var actions = Actions(reader, root);
        var approval = Approval(reader, root);
        var severity = Severity(reader, root, services);
        var incidents = Incidents(reader, root);

        return reader.Errors.Count > 0
            ? new PolicyLoadResult(null, [.. reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)])
            : new PolicyLoadResult(new RepositoryPolicy(services, environments, promotion, drift, actions, approval, severity, label) { Incidents = incidents }, []);
    }

    private static List<ServicePolicy> Services(YamlFieldReader reader, YamlMappingNode? root)
    {
        var result = new List<ServicePolicy>();
        var list = reader.Sequence(YamlFieldReader.Child(root, "services"), "services");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var probeNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (list?.Children.Count ?? 0); i++)
        {
            var field = $"services[{i}]";
            var map = reader.Mapping(list!.Children[i], field);
            if (map is null)
            {
                continue;
            }

            reader.RejectUnknownKeys(map, field, "name", "paths", "owners", "keywords", "endpoints", "logs", "probes");
            var name = reader.String(map, "name", field, required: true);
            if (name is not null && !names.Add(name))
            {
                reader.Error(YamlFieldReader.Child(map, "name")!, $"{field}.name", $"service '{name}' is defined twice");
            }

            var paths = reader.Strings(map, "paths", field);
            CheckGlobs(reader, map, "paths", field, paths);
            var owners = reader.Strings(map, "owners", field);
            for (var o = 0; o < owners.Count; o++)
            {
                if (!OwnerSyntax().IsMatch(owners[o]))
                {
                    reader.Error(ItemNode(map, "owners", o), $"{field}.owners[{o}]", $"'{owners[o]}' is not an owner: use @user, @group/subgroup or an email address");
                }
            }

            var endpoints = reader.Strings(map, "endpoints", field);
            for (var e = 0; e < endpoints.Count; e++)
            {
                if (!endpoints[e].StartsWith('/'))
                {
                    reader.Error(ItemNode(map, "endpoints", e), $"{field}.endpoints[{e}]", $"endpoint '{endpoints[e]}' must be a path starting with '/'");
                }
            }

            var logsMap = reader.Mapping(YamlFieldReader.Child(map, "logs"), $"{field}.logs");
            reader.RejectUnknownKeys(logsMap, $"{field}.logs", "file", "cloud_role", "query");
            var logs = logsMap is null ? null : new LogQueryHint(
                reader.String(logsMap, "file", $"{field}.logs"),
                reader.String(logsMap, "cloud_role", $"{field}.logs"),
                reader.String(logsMap, "query", $"{field}.logs"));
            var probes = Probes(reader, map, field, name, probeNames);

            if (name is not null)
            {
                result.Add(new ServicePolicy(name, paths, owners, reader.Strings(map, "keywords", field), endpoints, logs, (int)map.Start.Line) { Probes = probes });
            }
        }

        return result;
    }

    private static List<EnvironmentPolicy> Environments(YamlFieldReader reader, YamlMappingNode? root, out List<string> names)
    {
        var result = new List<EnvironmentPolicy>();
        var list = reader.Sequence(YamlFieldReader.Child(root, "environments"), "environments");
        names = [];
        for (var i = 0; i < (list?.Children.Count ?? 0); i++)
        {
            var field = $"environments[{i}]";
            var map = reader.Mapping(list!.Children[i], field);
            if (map is null)
            {
                continue;
            }

            reader.RejectUnknownKeys(map, field, "name", "branch", "environment", "protected", "replay_url");
            var name = reader.String(map, "name", field, required: true);
            if (name is not null && names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                reader.Error(YamlFieldReader.Child(map, "name")!, $"{field}.name", $"environment '{name}' is defined twice");
            }
            else if (name is not null)
            {
                names.Add(name);
            }

            var branch = reader.String(map, "branch", field, required: true);
            var isProtected = reader.Bool(map, "protected", field) ?? false;
            var replayText = reader.String(map, "replay_url", field);
            Uri? replay = null;
            if (replayText is not null)
            {
                var node = YamlFieldReader.Child(map, "replay_url")!;
                if (!Uri.TryCreate(replayText, UriKind.Absolute, out replay) || replay.Scheme is not ("http" or "https"))
                {
                    reader.Error(node, $"{field}.replay_url", $"'{replayText}' is not an absolute http(s) URL");
                    replay = null;
                }
                else if (isProtected || IsProductionName(name))
                {
                    reader.Error(node, $"{field}.replay_url", $"replay never targets production or a protected environment ('{name}')");
                }
            }

            if (name is not null && branch is not null)
            {
                result.Add(new EnvironmentPolicy(name, branch, isProtected, replay, (int)map.Start.Line));
            }
        }

        return result;
    }

    private static List<string> Promotion(YamlFieldReader reader, YamlMappingNode? root, List<string> environments)
    {
        var chain = reader.Strings(root, "promotion", "").ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < chain.Count; i++)
        {
            var node = ItemNode(root!, "promotion", i);
            if (!environments.Contains(chain[i], StringComparer.OrdinalIgnoreCase))
            {
                reader.Error(node, $"promotion[{i}]", $"'{chain[i]}' is not one of the environments ({string.Join(", ", environments)})");
            }

            if (!seen.Add(chain[i]))
            {
                reader.Error(node, $"promotion[{i}]", $"'{chain[i]}' appears twice in the promotion chain");
            }
        }

        if (chain.Count == 1)
        {
            reader.Error(YamlFieldReader.Child(root, "promotion")!, "promotion", "a promotion chain needs at least two environments");
        }

        return chain;
    }

    internal static bool IsProductionName(string? name) =>
        name is not null && (name.Equals("production", StringComparison.OrdinalIgnoreCase) || name.Equals("prod", StringComparison.OrdinalIgnoreCase));

    private static void CheckGlobs(YamlFieldReader reader, YamlMappingNode map, string key, string field, IReadOnlyList<string> globs)
    {
        for (var g = 0; g < globs.Count; g++)
        {
            if (!Glob.TryParse(globs[g], out _, out var error))
            {
                reader.Error(ItemNode(map, key, g), $"{field}.{key}[{g}]", error!);
            }
        }
    }

    /// <summary>The node of item <paramref name="index"/> of a list value (or the value itself when it is a single scalar).</summary>
    private static YamlNode ItemNode(YamlMappingNode map, string key, int index)
    {
        var node = YamlFieldReader.Child(map, key)!;
        return node is YamlSequenceNode seq && index < seq.Children.Count ? seq.Children[index] : node;
    }

    [GeneratedRegex(@"^(?:@[\w.-]+(?:/[\w.-]+)*|@@(?:developer|maintainer|owner)s?|[^@\s]+@[^@\s]+\.[^@\s]+)$")]
    private static partial Regex OwnerSyntax();
}
