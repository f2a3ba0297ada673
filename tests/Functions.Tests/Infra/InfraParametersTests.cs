using System.Text.Json;
using System.Text.RegularExpressions;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Infra;

/// <summary>
/// infra/main.bicep must hand the host every setting it reads, and nothing it does not read; and
/// main.parameters.json must fill exactly the parameters main.bicep declares, secrets from Key Vault only.
/// </summary>
public sealed partial class InfraParametersTests
{
    /// <summary>
    /// Read inside the host process by a library rather than by our configuration code: Azure.Identity's
    /// DefaultAzureCredential picks the user-assigned managed identity from it.
    /// </summary>
    private static readonly string[] PlatformSettings = ["AZURE_CLIENT_ID"];

    /// <summary>Azure Functions' identity-based form of a storage connection: the account URL instead of a connection string.</summary>
    private const string IdentityBasedStorage = "AzureWebJobsStorage__blobServiceUri";

    private static string Bicep => File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.bicep"));

    /// <summary>What the host reads, as app setting names (':' becomes '__' in environment variables).</summary>
    private static HashSet<string> RequiredByHost()
    {
        var host = HostJson.Load(Path.Combine(RepoPaths.Root, HostJson.FileName));
        return new HashSet<string>(HostConfiguration.Notable.Select(n => EnvName(n.Key)).Append("AzureWebJobsStorage").Append(host.DurableTask.ConnectionStringName), StringComparer.Ordinal);
    }

    /// <summary>host.json values the host also takes from app settings (AzureFunctionsJobHost__path overrides, as in Functions).</summary>
    private static HashSet<string> HostJsonOverrides() =>
        HostConfiguration.Load(RepoPaths.Root).Configuration.GetSectionChildrenPaths("AzureFunctionsJobHost").Select(EnvName).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void MainBicep_AppSettings_ProvideEverySettingTheHostReads()
    {
        var provided = AppSettings(Bicep).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        var missing = RequiredByHost().Where(name => !provided.Contains(name) && !(name == "AzureWebJobsStorage" && provided.Contains(IdentityBasedStorage))).ToList();

        Assert.True(missing.Count == 0, $"infra/main.bicep does not set: {string.Join(", ", missing)}");
    }

    [Fact]
    public void MainBicep_AppSettings_SetNothingTheHostNeverReads()
    {
        var known = RequiredByHost().Concat(HostJsonOverrides()).Concat(PlatformSettings).Append(IdentityBasedStorage).ToHashSet(StringComparer.Ordinal);

        var unknown = AppSettings(Bicep).Select(s => s.Name).Where(name => !known.Contains(name)).ToList();

        Assert.True(unknown.Count == 0, $"infra/main.bicep sets settings the host never reads: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void MainBicep_SecretSettings_ComeFromDeclaredSecretsAndNeverAsPlainValues()
    {
        var bicep = Bicep;
        var secrets = SecretNames().Matches(Block(bicep, "secrets: [")).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var settings = AppSettings(bicep);

        Assert.All(settings.Where(s => s.SecretRef is not null), s => Assert.Contains(s.SecretRef!, secrets));
        var taskHub = HostJson.Load(Path.Combine(RepoPaths.Root, HostJson.FileName)).DurableTask.ConnectionStringName;
        foreach (var secret in new[] { "GitLab__Token", "GitLab__WebhookSecret", "Approvals__SigningKey", taskHub })
        {
            Assert.NotNull(Assert.Single(settings, s => s.Name == secret).SecretRef);
        }
    }

    [Fact]
    public void MainParameters_FillExactlyTheDeclaredParametersWithSecretsFromKeyVault()
    {
        var declared = Parameters(Bicep);
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

    private static string EnvName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The entries of the container's <c>env: [ … ]</c> array.</summary>
    private static List<(string Name, string? SecretRef)> AppSettings(string bicep) =>
        EnvEntry().Matches(Block(bicep, "env: [")).Select(m => (m.Groups["name"].Value, m.Groups["secret"].Success ? m.Groups["secret"].Value : null)).ToList();

    private static Dictionary<string, (bool HasDefault, bool IsSecure)> Parameters(string bicep)
    {
        var parameters = new Dictionary<string, (bool, bool)>(StringComparer.Ordinal);
        var secure = false;
        foreach (var raw in bicep.Split('\n'))
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

    /// <summary>The text of a bracketed block that starts with <paramref name="opening"/>, up to its matching ']'.</summary>
    private static string Block(string text, string opening)
    {
        var start = text.IndexOf(opening, StringComparison.Ordinal);
        Assert.True(start >= 0, $"main.bicep has no '{opening}' block");
        var depth = 0;
        for (var i = start + opening.Length - 1; i < text.Length; i++)
        {
            depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[start..(i + 1)];
            }
        }

        throw new InvalidOperationException($"'{opening}' is never closed");
    }

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']+)'\s*,?\s*(?:value:[^}]*|secretRef:\s*'(?<secret>[^']+)'\s*)\}")]
    private static partial Regex EnvEntry();

    [GeneratedRegex(@"name:\s*'(?<name>[^']+)'")]
    private static partial Regex SecretNames();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+\w+(?<default>\s*=.*)?$")]
    private static partial Regex ParamLine();
}
