using System.Text.RegularExpressions;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Infra;

/// <summary>
/// What a Bicep build would catch first, checked without the Bicep CLI (not on these machines): strings,
/// comments and brackets close, every parameter and variable is used, every name an expression uses is
/// declared; and the shape issue 11 asks for (Flex Consumption, .NET 10 isolated, the roles the app needs).
/// </summary>
public sealed partial class MainBicepStructureTests
{
    private static readonly string[] Keywords =
    [
        "targetScope", "param", "var", "resource", "module", "output", "existing", "for", "in", "if",
        "true", "false", "null", "string", "int", "bool", "object", "array",
    ];

    private static BicepText Template => BicepText.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.bicep")));

    /// <summary>The code with property keys (<c>name:</c> at a line's start or after '{' or ',') blanked: what is left are expressions.</summary>
    private static string Expressions(string code) => PropertyKey().Replace(code, m => m.Groups["before"].Value + new string(' ', m.Groups["key"].Length) + m.Groups["colon"].Value);

    [Fact]
    public void MainBicep_StringsCommentsAndBrackets_AllClose()
    {
        var template = Template;

        Assert.Empty(template.Problems);
        Assert.Null(template.UnbalancedBracket());
    }

    [Fact]
    public void MainBicep_EveryParameterAndVariable_IsUsed()
    {
        var code = Template.Code;
        var expressions = Expressions(code);

        var unused = Declaration().Matches(code)
            .Where(d => d.Groups["kind"].Value is "param" or "var")
            .Select(d => d.Groups["name"].Value)
            .Where(name => Regex.Count(expressions, $@"(?<![\w.@]){name}\b") < 2)
            .ToList();

        Assert.True(unused.Count == 0, $"main.bicep declares but never uses: {string.Join(", ", unused)}");
    }

    [Fact]
    public void MainBicep_EveryNameAnExpressionUses_IsDeclared()
    {
        var code = Template.Code;
        var declared = Declaration().Matches(code).Select(d => d.Groups["name"].Value)
            .Concat(LoopVariable().Matches(code).SelectMany(m => new[] { m.Groups["name"].Value, m.Groups["index"].Value }))
            .Concat(Keywords)
            .ToHashSet(StringComparer.Ordinal);

        // A name not after '.' or '@', and not a property key (name:) or a function call (name(): a reference.
        var undeclared = Reference().Matches(Expressions(code))
            .Select(m => (Name: m.Groups["name"].Value, Line: BicepText.LineOf(code, m.Index)))
            .Where(r => !declared.Contains(r.Name))
            .Select(r => $"{r.Name} (line {r.Line})")
            .Distinct()
            .ToList();

        Assert.True(undeclared.Count == 0, $"main.bicep uses names it never declares: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void MainBicep_FunctionApp_IsFlexConsumptionDotnetIsolated10WithPackageContainer()
    {
        var resources = Template.Resources().ToList();

        var plan = Assert.Single(resources, r => r.Type.StartsWith("Microsoft.Web/serverfarms@", StringComparison.Ordinal)).Body;
        var app = Assert.Single(resources, r => r.Type.StartsWith("Microsoft.Web/sites@", StringComparison.Ordinal)).Body;

        Assert.Matches(@"name:\s*'FC1'", plan);
        Assert.Matches(@"tier:\s*'FlexConsumption'", plan);
        Assert.Matches(@"kind:\s*'functionapp,linux'", app);
        Assert.Matches(@"runtime:\s*\{\s*name:\s*'dotnet-isolated'\s*version:\s*'10\.0'\s*\}", app);
        Assert.Matches(@"type:\s*'blobContainer'", app);
        Assert.Matches(@"type:\s*'UserAssignedIdentity'", app);
        // Flex Consumption refuses these: the runtime comes from functionAppConfig, the package from the container.
        Assert.DoesNotMatch("FUNCTIONS_WORKER_RUNTIME|FUNCTIONS_EXTENSION_VERSION|WEBSITE_RUN_FROM_PACKAGE|WEBSITE_CONTENTSHARE", app);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "storage", "Storage Blob Data Owner: task hub leases and blobs, the deployment package, artifacts")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "storage", "Storage Queue Data Contributor: the task hub's control and work-item queues")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "storage", "Storage Table Data Contributor: the task hub's history and instances tables")]
    [InlineData("73c42c96-874c-492b-b04d-ab87d138a893", "workspace", "Log Analytics Reader: the service logs the triage reads")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "vault", "Key Vault Secrets User: the app settings' Key Vault references")]
    public void MainBicep_Identity_HoldsTheRoleOnTheResourceThatNeedsIt(string roleId, string scope, string why)
    {
        var template = Template;
        var variable = Assert.Single(RoleVariable().Matches(template.NoComments), m => m.Groups["id"].Value == roleId).Groups["name"].Value;
        var assignments = template.Resources().Where(r => r.Type.StartsWith("Microsoft.Authorization/roleAssignments@", StringComparison.Ordinal)).ToList();
        var lists = ListVariable().Matches(template.NoComments).Where(m => Regex.IsMatch(m.Groups["items"].Value, $@"\b{variable}\b")).Select(m => m.Groups["name"].Value).ToList();

        var holding = assignments.Where(a =>
            Regex.IsMatch(a.Body, $@"roleDefinitions',\s*{variable}\)") || lists.Any(list => Regex.IsMatch(a.Body, $@"for\s+\w+\s+in\s+{list}\b")));

        Assert.True(holding.Any(a => Regex.IsMatch(a.Body, $@"scope:\s*{scope}\b") && a.Body.Contains("identity.properties.principalId", StringComparison.Ordinal)), $"the identity lacks {why}");
    }

    [GeneratedRegex(@"^(?<kind>param|var|resource|module|output)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\bfor\s+(?:\(\s*(?<name>\w+)\s*,\s*(?<index>\w+)\s*\)|(?<name>\w+))\s+in\b")]
    private static partial Regex LoopVariable();

    [GeneratedRegex(@"(?<![\w.@$])(?<name>[A-Za-z_]\w*)\b(?!\s*\()")]
    private static partial Regex Reference();

    [GeneratedRegex(@"(?<before>(?:^|[{,])[ \t]*)(?<key>[A-Za-z_]\w*)(?<colon>[ \t]*:)", RegexOptions.Multiline)]
    private static partial Regex PropertyKey();

    [GeneratedRegex(@"^var\s+(?<name>\w+)\s*=\s*'(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'", RegexOptions.Multiline)]
    private static partial Regex RoleVariable();

    [GeneratedRegex(@"^var\s+(?<name>\w+)\s*=\s*\[(?<items>[^\]]*)\]", RegexOptions.Multiline)]
    private static partial Regex ListVariable();
}
