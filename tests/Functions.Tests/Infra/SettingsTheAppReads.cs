using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Infra;

/// <summary>
/// The app settings the app reads, found in the code rather than listed by hand: the host's notable settings,
/// every <c>XxxOptions</c> class with a <c>SectionName</c>, every <c>…Key</c>/<c>…Setting</c> constant naming a
/// configuration path, host.json's values (which <c>AzureFunctionsJobHost__…</c> overrides), and the storage
/// connection host.json's durableTask.storageProvider names. Names are app-setting names (':' as '__').
/// </summary>
internal static partial class SettingsTheAppReads
{
    /// <summary>The connection Durable Functions' Azure Storage provider uses, as host.json names it.</summary>
    public static string StorageConnection()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        var provider = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");
        return provider.TryGetProperty("connectionName", out var name) || provider.TryGetProperty("connectionStringName", out name)
            ? name.GetString()!
            : "AzureWebJobsStorage";
    }

    public static IEnumerable<string> Notable() => HostConfiguration.Notable.Select(n => EnvName(n.Key));

    /// <summary>Exact names, and prefixes (ending in "__") under which any name is read (collections, nested options).</summary>
    public static (HashSet<string> Names, List<string> Prefixes) FromCode()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        foreach (var type in OurAssemblies().SelectMany(a => a.GetTypes()))
        {
            var constants = type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .ToList();
            foreach (var constant in constants.Where(f => f.Name.EndsWith("Key", StringComparison.Ordinal) || f.Name.EndsWith("Setting", StringComparison.Ordinal)))
            {
                if (constant.GetRawConstantValue() is string path && ConfigurationPath().IsMatch(path))
                {
                    names.Add(EnvName(path));
                }
            }

            if (constants.FirstOrDefault(f => f.Name == "SectionName")?.GetRawConstantValue() is string section)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
                {
                    var name = $"{section}__{property.Name}";
                    names.Add(name);
                    if (property.PropertyType != typeof(string) && !property.PropertyType.IsValueType)
                    {
                        prefixes.Add(name + "__");
                    }
                }
            }
        }

        return (names, prefixes);
    }

    /// <summary>Every host.json value as the app setting that overrides it in Azure Functions.</summary>
    public static IEnumerable<string> HostJsonOverrides()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        return Leaves(host.RootElement, "AzureFunctionsJobHost").ToList();
    }

    public static string EnvName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static IEnumerable<string> Leaves(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().SelectMany(p => Leaves(p.Value, $"{path}__{p.Name}"))
            : [path];

    /// <summary>The app's assembly (named <c>ragnarok</c>) and every RagnarokOps assembly it references, directly or not.</summary>
    private static IEnumerable<Assembly> OurAssemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(HostConfiguration).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (seen.TryAdd(assembly.GetName().Name!, assembly))
            {
                foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("RagnarokOps.", StringComparison.Ordinal)))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return seen.Values;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(:[A-Za-z][A-Za-z0-9]*)*$")]
    private static partial Regex ConfigurationPath();
}
