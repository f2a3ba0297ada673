using System.Text.Json;
using System.Text.RegularExpressions;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Infra;

/// <summary>
/// infra/main.bicep must hand the app every setting it reads, and nothing it does not read; secrets come as
/// Key Vault references; and main.parameters.json fills exactly the parameters main.bicep declares.
/// </summary>
public sealed partial class InfraParametersTests
{
    private static readonly string Connection = SettingsTheAppReads.StorageConnection();

    /// <summary>Read by the platform, the Functions host or a library rather than by our configuration code.</summary>
    private static readonly Dictionary<string, string> PlatformSettings = new(StringComparer.Ordinal)
    {
        ["AZURE_CLIENT_ID"] = "Azure.Identity's DefaultAzureCredential picks the user-assigned identity from it",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "the Functions host and worker send their telemetry there",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "telemetry goes with the identity's token, the component refusing keys alone",
        [$"{Connection}__blobServiceUri"] = "identity-based connection: the host's and the task hub's blobs (the artifact store reads it too)",
        [$"{Connection}__queueServiceUri"] = "identity-based connection: the task hub's queues",
        [$"{Connection}__tableServiceUri"] = "identity-based connection: the task hub's tables",
        [$"{Connection}__credential"] = "'managedidentity' makes the host and Durable Functions take a managed identity's token",
        [$"{Connection}__clientId"] = "which user-assigned identity (the artifact store reads it too)",
    };

    /// <summary>Settings whose defaults only work on a laptop.</summary>
    private static readonly Dictionary<string, string> DefaultsThatOnlyWorkLocally = new(StringComparer.Ordinal)
    {
        ["Approvals__PublicBaseUrl"] = "approval links would point at http://127.0.0.1:7071",
        ["Approvals__LedgerPath"] = "the default sits under the package's folder, read-only on Flex Consumption",
    };

    private static readonly string[] SecretSettings = ["GitLab__Token", "GitLab__WebhookSecret", "Approvals__SigningKey"];

    private static BicepText Template => BicepText.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.bicep")));

    [Fact]
    public void MainBicep_AppSettings_ProvideEverySettingTheAppReads()
    {
        var provided = AppSettings(Template).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var identityBased = new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential" }.All(p => provided.Contains($"{Connection}__{p}"));

        var missing = SettingsTheAppReads.Notable().Concat(DefaultsThatOnlyWorkLocally.Keys)
            .Where(name => !provided.Contains(name))
            .Concat(provided.Contains(Connection) || identityBased ? [] : [$"{Connection} (or its identity-based __blobServiceUri, __queueServiceUri, __tableServiceUri, __credential)"])
            .ToList();

        Assert.True(missing.Count == 0, $"infra/main.bicep does not set: {string.Join(", ", missing)}");
    }

    [Fact]
    public void MainBicep_AppSettings_SetNothingTheAppNeverReads()
    {
        var (fromCode, prefixes) = SettingsTheAppReads.FromCode();
        var known = fromCode.Concat(SettingsTheAppReads.Notable()).Concat(SettingsTheAppReads.HostJsonOverrides())
            .Concat(PlatformSettings.Keys).Append(Connection).ToHashSet(StringComparer.Ordinal);

        var unknown = AppSettings(Template).Select(s => s.Name)
            .Where(name => !known.Contains(name) && !prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            .ToList();

        Assert.True(unknown.Count == 0, $"infra/main.bicep sets settings the app never reads: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void MainBicep_SecretSettings_AreKeyVaultReferencesResolvedWithTheAppsIdentity()
    {
        var template = Template;
        var settings = AppSettings(template);

        foreach (var secret in SecretSettings)
        {
            var value = Assert.Single(settings, s => s.Name == secret).Value;
            Assert.Matches(KeyVaultReference(), value);
        }

        Assert.Matches(@"keyVaultReferenceIdentity:\s*identity\.id\b", template.NoComments);
        var secureParameters = Parameters(template).Where(p => p.Value.IsSecure).Select(p => p.Key).ToList();
        Assert.DoesNotContain(settings, s => secureParameters.Any(p => Regex.IsMatch(s.Value, $@"\b{p}\b")));
    }

    [Fact]
    public void MainBicep_AppSettingsBlock_IsOneSettingPerLineWithNoneTwice()
    {
        var settings = AppSettings(Template);

        Assert.NotEmpty(settings);
        Assert.Equal(settings.Count, settings.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void MainParameters_FillExactlyTheDeclaredParametersWithSecretsFromKeyVault()
    {
        var declared = Parameters(Template);
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.parameters.json")));
        var given = file.RootElement.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

        var undeclared = given.Keys.Where(name => !declared.ContainsKey(name)).ToList();
        var unfilled = declared.Where(p => !p.Value.HasDefault && !given.ContainsKey(p.Key)).Select(p => p.Key).ToList();

        Assert.True(undeclared.Count == 0, $"main.parameters.json gives parameters main.bicep does not declare: {string.Join(", ", undeclared)}");
        Assert.True(unfilled.Count == 0, $"main.parameters.json leaves required parameters unset: {string.Join(", ", unfilled)}");
        foreach (var (name, value) in given)
        {
            Assert.True(
                !declared[name].IsSecure || (value.TryGetProperty("reference", out var reference) && reference.TryGetProperty("keyVault", out _)),
                $"main.parameters.json: secure parameter '{name}' must be a Key Vault reference, not a value");
        }
    }

    /// <summary>The entries of the Function App's <c>appSettings: [ … ]</c>, one <c>{ name: '…', value: … }</c> a line.</summary>
    private static List<(string Name, string Value)> AppSettings(BicepText template)
    {
        var block = template.Block("appSettings: [");
        var lines = block.Split('\n').Skip(1).SkipLast(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var entries = lines.Select(l => (Line: l, Match: SettingLine().Match(l))).ToList();

        Assert.True(entries.All(e => e.Match.Success), $"main.bicep appSettings lines not of the form {{ name: '…', value: … }}: {string.Join(" | ", entries.Where(e => !e.Match.Success).Select(e => e.Line))}");
        return entries.Select(e => (e.Match.Groups["name"].Value, e.Match.Groups["value"].Value)).ToList();
    }

    private static Dictionary<string, (bool HasDefault, bool IsSecure)> Parameters(BicepText template)
    {
        var parameters = new Dictionary<string, (bool, bool)>(StringComparer.Ordinal);
        var secure = false;
        foreach (var raw in template.NoComments.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("@secure()", StringComparison.Ordinal))
            {
                secure = true;
            }
            else if (ParamLine().Match(line) is { Success: true } param)
            {
                parameters[param.Groups["name"].Value] = (param.Groups["default"].Success, secure);
                secure = false;
            }
            else if (!line.StartsWith('@'))
            {
                secure = false;
            }
        }

        return parameters;
    }

    [GeneratedRegex(@"^\{\s*name:\s*'(?<name>[^']+)'\s*,\s*value:\s*(?<value>.+?)\s*\}$")]
    private static partial Regex SettingLine();

    [GeneratedRegex(@"^'@Microsoft\.KeyVault\((?:VaultName=[^;)]+;SecretName=[^;)]+|SecretUri=https://[^)]+)\)'$")]
    private static partial Regex KeyVaultReference();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+\w+(?<default>\s*=.*)?$")]
    private static partial Regex ParamLine();
}
