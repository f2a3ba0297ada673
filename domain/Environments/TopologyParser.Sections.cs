using System.Globalization;
using RagnarokOps.Domain.Policy;
using YamlDotNet.RepresentationModel;

namespace RagnarokOps.Domain.Environments;

/// <summary>drift, conflicts and rollback sections.</summary>
public static partial class TopologyParser
{
    private static readonly Dictionary<string, ConflictStrategy> Strategies = new(StringComparer.Ordinal)
    {
        ["take_target"] = ConflictStrategy.TakeTarget,
        ["take_source"] = ConflictStrategy.TakeSource,
        ["union"] = ConflictStrategy.Union,
        ["regenerate"] = ConflictStrategy.Regenerate,
    };

    private static readonly string[] ApprovalModes = ["protected", "always", "never"];

    private static DriftRules Drift(YamlFieldReader reader, YamlMappingNode? root)
    {
        var map = reader.Mapping(YamlFieldReader.Child(root, "drift"), "drift");
        if (map is null)
        {
            return DriftRules.Default;
        }

        reader.RejectUnknownKeys(map, "drift", "schedule", "expected");
        var schedule = reader.String(map, "schedule", "drift");
        if (schedule is not null && DriftSchedule.Validate(schedule) is { } problem)
        {
            reader.Error(YamlFieldReader.Child(map, "schedule")!, "drift.schedule", problem);
            schedule = null;
        }

        var expectedNode = YamlFieldReader.Child(map, "expected");
        var expected = expectedNode is YamlMappingNode ? ExpectedMapping(reader, (YamlMappingNode)expectedNode) : ExpectedList(reader, expectedNode);
        return new DriftRules(schedule?.Trim() ?? DriftRules.DefaultSchedule, expected);
    }

    /// <summary>The list form: <c>- path: glob</c>, optional <c>keys: [glob, …]</c> and <c>reason</c>.</summary>
    private static List<ExpectedDifference> ExpectedList(YamlFieldReader reader, YamlNode? node)
    {
        var result = new List<ExpectedDifference>();
        var list = reader.Sequence(node, "drift.expected");
        for (var i = 0; i < (list?.Children.Count ?? 0); i++)
        {
            var field = $"drift.expected[{i}]";
            var item = reader.Mapping(list!.Children[i], field);
            if (item is null)
            {
                continue;
            }

            reader.RejectUnknownKeys(item, field, "path", "keys", "reason");
            var path = reader.String(item, "path", field, required: true);
            var keys = reader.Strings(item, "keys", field);
            var ok = path is not null && CheckPathGlob(reader, YamlFieldReader.Child(item, "path")!, $"{field}.path", path);
            ok &= CheckKeyGlobs(reader, YamlFieldReader.Child(item, "keys"), $"{field}.keys", keys);
            if (ok)
            {
                result.Add(new ExpectedDifference(path!, keys, reader.String(item, "reason", field), (int)item.Start.Line));
            }
        }

        return result;
    }

    /// <summary>The form <c>.ragnarok.yaml</c> has always read: <c>paths: [glob, …]</c> and <c>keys: {file: [key, …]}</c>.</summary>
    private static List<ExpectedDifference> ExpectedMapping(YamlFieldReader reader, YamlMappingNode map)
    {
        reader.RejectUnknownKeys(map, "drift.expected", "paths", "keys");
        var result = new List<ExpectedDifference>();
        var pathsNode = YamlFieldReader.Child(map, "paths");
        var paths = reader.Strings(map, "paths", "drift.expected");
        for (var i = 0; i < paths.Count; i++)
        {
            var node = pathsNode is YamlSequenceNode seq && i < seq.Children.Count ? seq.Children[i] : pathsNode!;
            if (CheckPathGlob(reader, node, $"drift.expected.paths[{i}]", paths[i]))
            {
                result.Add(new ExpectedDifference(paths[i], [], null, (int)node.Start.Line));
            }
        }

        var keysMap = reader.Mapping(YamlFieldReader.Child(map, "keys"), "drift.expected.keys");
        foreach (var (fileNode, value) in keysMap?.Children ?? (IEnumerable<KeyValuePair<YamlNode, YamlNode>>)[])
        {
            var path = ((YamlScalarNode)fileNode).Value ?? "";
            var keys = reader.Strings(keysMap, path, "drift.expected.keys");
            if (CheckPathGlob(reader, fileNode, $"drift.expected.keys.{path}", path) && CheckKeyGlobs(reader, value, $"drift.expected.keys.{path}", keys))
            {
                result.Add(new ExpectedDifference(path, keys, null, (int)fileNode.Start.Line));
            }
        }

        return result;
    }

    private static List<ConflictRule> Conflicts(YamlFieldReader reader, YamlMappingNode? root)
    {
        var result = new List<ConflictRule>();
        var list = reader.Sequence(YamlFieldReader.Child(root, "conflicts"), "conflicts");
        for (var i = 0; i < (list?.Children.Count ?? 0); i++)
        {
            var field = $"conflicts[{i}]";
            var item = reader.Mapping(list!.Children[i], field);
            if (item is null)
            {
                continue;
            }

            reader.RejectUnknownKeys(item, field, "path", "strategy");
            var path = reader.String(item, "path", field, required: true);
            var strategyText = reader.String(item, "strategy", field, required: true);
            var pathOk = path is not null && CheckPathGlob(reader, YamlFieldReader.Child(item, "path")!, $"{field}.path", path);
            if (strategyText is not null && !Strategies.ContainsKey(strategyText))
            {
                reader.Error(YamlFieldReader.Child(item, "strategy")!, $"{field}.strategy", $"expected {string.Join(", ", Strategies.Keys)}, got '{strategyText}'");
            }
            else if (pathOk && strategyText is not null)
            {
                result.Add(new ConflictRule(path!, Strategies[strategyText], (int)item.Start.Line));
            }
        }

        return result;
    }

    private static RollbackPolicy Rollback(YamlFieldReader reader, YamlMappingNode? root)
    {
        var map = reader.Mapping(YamlFieldReader.Child(root, "rollback"), "rollback");
        if (map is null)
        {
            return RollbackPolicy.Default;
        }

        reader.RejectUnknownKeys(map, "rollback", "require_approval", "max_commits");
        var approval = reader.String(map, "require_approval", "rollback") ?? RollbackPolicy.Default.RequireApproval;
        if (!ApprovalModes.Contains(approval, StringComparer.Ordinal))
        {
            reader.Error(YamlFieldReader.Child(map, "require_approval")!, "rollback.require_approval", $"expected {string.Join(", ", ApprovalModes)}, got '{approval}'");
        }

        var max = reader.Number(map, "max_commits", "rollback", 1, 10_000);
        if (max is { } m && m != Math.Floor(m))
        {
            reader.Error(YamlFieldReader.Child(map, "max_commits")!, "rollback.max_commits", $"expected a whole number, got '{m.ToString(CultureInfo.InvariantCulture)}'");
        }

        return new RollbackPolicy(approval, (int)(max ?? RollbackPolicy.Default.MaxCommits));
    }

    private static CherryPick.CherryPickSettings CherryPickSection(YamlFieldReader reader, YamlMappingNode? root)
    {
        var map = reader.Mapping(YamlFieldReader.Child(root, "cherry_pick"), "cherry_pick");
        if (map is null)
        {
            return CherryPick.CherryPickSettings.Default;
        }

        reader.RejectUnknownKeys(map, "cherry_pick", "threshold");
        var threshold = reader.Number(map, "threshold", "cherry_pick", 0, 1);
        return new CherryPick.CherryPickSettings(threshold ?? CherryPick.CherryPickSettings.DefaultThreshold, (int)map.Start.Line);
    }

    private static bool CheckPathGlob(YamlFieldReader reader, YamlNode node, string field, string glob)
    {
        if (Glob.TryParse(glob, out _, out var error))
        {
            return true;
        }

        reader.Error(node, field, error!);
        return false;
    }

    private static bool CheckKeyGlobs(YamlFieldReader reader, YamlNode? node, string field, IReadOnlyList<string> keys)
    {
        var ok = true;
        for (var k = 0; k < keys.Count; k++)
        {
            if (!Glob.TryParse(KeyPattern.ToPath(keys[k]), out _, out var error))
            {
                reader.Error(node is YamlSequenceNode seq && k < seq.Children.Count ? seq.Children[k] : node!, $"{field}[{k}]", error!);
                ok = false;
            }
        }

        return ok;
    }
}
