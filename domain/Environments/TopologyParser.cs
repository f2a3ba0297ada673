using RagnarokOps.Domain.Policy;
using YamlDotNet.RepresentationModel;

namespace RagnarokOps.Domain.Environments;

/// <summary>The outcome of reading a topology: the topology when valid, and every problem found (file, line, column, field).</summary>
public sealed record TopologyLoadResult(EnvironmentTopology? Topology, IReadOnlyList<PolicyError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public EnvironmentTopology GetOrThrow() => Topology ?? throw new PolicyException(Errors);
}

/// <summary>
/// Reads <c>envsync.yaml</c> (or the same sections inside <c>.ragnarok.yaml</c>) into an <see cref="EnvironmentTopology"/>
/// with the policy parser's reader, so errors look the same and are all listed at once.
/// </summary>
public static partial class TopologyParser
{
    public const string FileName = "envsync.yaml";

    private static readonly string[] RootKeys = ["version", "environments", "promotion", "drift", "conflicts", "rollback", "cherry_pick"];

    /// <summary>
    /// Picks the source: <c>envsync.yaml</c> when the repository has one, else the environments of <c>.ragnarok.yaml</c>,
    /// else the defaults (the default branch as the one environment, production).
    /// </summary>
    public static TopologyLoadResult Resolve(string? envsyncYaml, string? policyYaml, string defaultBranch)
    {
        if (!string.IsNullOrWhiteSpace(envsyncYaml))
        {
            return Parse(envsyncYaml, FileName);
        }

        if (!string.IsNullOrWhiteSpace(policyYaml))
        {
            var fromPolicy = ParsePolicySections(policyYaml, PolicyParser.FileName);
            if (!fromPolicy.IsValid || fromPolicy.Topology is not null)
            {
                return fromPolicy;
            }
        }

        return new TopologyLoadResult(Default(defaultBranch), []);
    }

    /// <summary>The topology a repository without one gets: its default branch feeding one environment, production.</summary>
    public static EnvironmentTopology Default(string defaultBranch) => new(
        [new EnvironmentBranch("production", defaultBranch, "production", true)],
        ["production"],
        DriftRules.Default,
        [],
        RollbackPolicy.Default,
        EnvironmentTopology.DefaultsSource,
        $"no {FileName} and no environments in {PolicyParser.FileName}: using branch {defaultBranch} → environment production (nothing to compare or promote to)");

    /// <summary>Parses a whole <c>envsync.yaml</c>: unknown top-level keys are errors, environments are required.</summary>
    public static TopologyLoadResult Parse(string yaml, string file = FileName) => Read(yaml, file, standalone: true);

    /// <summary>The topology sections of <c>.ragnarok.yaml</c>; a null topology (and no errors) when it declares no environments.</summary>
    public static TopologyLoadResult ParsePolicySections(string yaml, string file = PolicyParser.FileName) => Read(yaml, file, standalone: false);

    private static TopologyLoadResult Read(string yaml, string file, bool standalone)
    {
        var reader = new YamlFieldReader(file);
        var node = reader.Load(yaml);
        if (node is null && reader.Errors.Count > 0)
        {
            return new TopologyLoadResult(null, reader.Errors);
        }

        var root = reader.Mapping(node, "");
        if (standalone)
        {
            reader.RejectUnknownKeys(root, "", RootKeys);
            var version = reader.String(root, "version", "");
            if (version is not null and not "1")
            {
                reader.Error(YamlFieldReader.Child(root, "version")!, "version", $"unsupported version '{version}' (this RagnarokOps reads version 1)");
            }

            if (root is not null && YamlFieldReader.Child(root, "environments") is null)
            {
                reader.Error(root, "environments", "is required: list each environment with its name and branch");
            }
        }
        else if (YamlFieldReader.Child(root, "environments") is null)
        {
            return new TopologyLoadResult(null, []);
        }

        var environments = Environments(reader, root, standalone);
        var (promotion, notice) = Promotion(reader, root, environments);
        var drift = Drift(reader, root);
        var conflicts = Conflicts(reader, root);
        var rollback = Rollback(reader, root);
        var cherryPick = CherryPickSection(reader, root);
        if (reader.Errors.Count > 0)
        {
            return new TopologyLoadResult(null, [.. reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        if (environments.Count == 0)
        {
            reader.Error(root!, "environments", "must list at least one environment");
            return new TopologyLoadResult(null, reader.Errors);
        }

        return new TopologyLoadResult(new EnvironmentTopology(environments, promotion, drift, conflicts, rollback, file, notice) { CherryPick = cherryPick }, []);
    }

    private static List<EnvironmentBranch> Environments(YamlFieldReader reader, YamlMappingNode? root, bool standalone)
    {
        var result = new List<EnvironmentBranch>();
        var list = reader.Sequence(YamlFieldReader.Child(root, "environments"), "environments");
        string[] known = standalone ? ["name", "branch", "environment", "protected"] : ["name", "branch", "environment", "protected", "replay_url"];
        for (var i = 0; i < (list?.Children.Count ?? 0); i++)
        {
            var field = $"environments[{i}]";
            var map = reader.Mapping(list!.Children[i], field);
            if (map is null)
            {
                continue;
            }

            reader.RejectUnknownKeys(map, field, known);
            var name = reader.String(map, "name", field, required: true);
            var branch = reader.String(map, "branch", field, required: true);
            if (name is not null && result.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                reader.Error(YamlFieldReader.Child(map, "name")!, $"{field}.name", $"environment '{name}' is defined twice");
                continue;
            }

            if (branch is not null && result.FirstOrDefault(e => e.Branch == branch) is { } other)
            {
                reader.Error(YamlFieldReader.Child(map, "branch")!, $"{field}.branch", $"branch '{branch}' already feeds environment '{other.Name}'");
                continue;
            }

            var gitlabName = reader.String(map, "environment", field) ?? name;
            var isProtected = reader.Bool(map, "protected", field) ?? PolicyParser.IsProductionName(name);
            if (name is not null && branch is not null)
            {
                result.Add(new EnvironmentBranch(name, branch, gitlabName!, isProtected, (int)map.Start.Line));
            }
        }

        return result;
    }

    private static (List<string> Chain, string? Notice) Promotion(YamlFieldReader reader, YamlMappingNode? root, List<EnvironmentBranch> environments)
    {
        if (YamlFieldReader.Child(root, "promotion") is null)
        {
            var inferred = environments.Select(e => e.Name).ToList();
            return (inferred, inferred.Count > 1 ? $"no promotion chain given: using the environments in file order ({string.Join(" → ", inferred)})" : null);
        }

        var chain = reader.Strings(root, "promotion", "").ToList();
        var names = environments.Select(e => e.Name).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var node = YamlFieldReader.Child(root, "promotion")!;
        for (var i = 0; i < chain.Count; i++)
        {
            var item = node is YamlSequenceNode seq && i < seq.Children.Count ? seq.Children[i] : node;
            if (!names.Contains(chain[i], StringComparer.OrdinalIgnoreCase))
            {
                reader.Error(item, $"promotion[{i}]", $"'{chain[i]}' is not one of the environments ({string.Join(", ", names)})");
            }

            if (!seen.Add(chain[i]))
            {
                reader.Error(item, $"promotion[{i}]", $"'{chain[i]}' appears twice in the promotion chain");
            }
        }

        if (chain.Count == 1)
        {
            reader.Error(node, "promotion", "a promotion chain needs at least two environments");
        }

        // Canonical names, whatever case the chain used.
        return ([.. chain.Select(c => names.FirstOrDefault(n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase)) ?? c)], null);
    }
}
