using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagnarokOps.Functions.Hosting;

/// <summary>
/// Durable Task settings from host.json's <c>extensions.durableTask</c>, in Durable Functions' shape for the Azure
/// Storage provider: the Functions host reads the same keys on Azure, the local host reads them here.
/// </summary>
internal sealed record DurableTaskHostSettings(
    string HubName,
    string ConnectionName,
    int PartitionCount,
    TimeSpan MaxQueuePollingInterval,
    TimeSpan WorkItemQueueVisibilityTimeout,
    TimeSpan ControlQueueVisibilityTimeout,
    bool ExtendedSessionsEnabled,
    int MaxConcurrentActivityFunctions,
    int MaxConcurrentOrchestratorFunctions);

/// <summary>The host settings RagnarokOps reads from host.json (Azure Functions' version 2.0 schema).</summary>
internal sealed partial record HostJson(
    string Version,
    string RoutePrefix,
    long MaxRequestBodySize,
    DurableTaskHostSettings DurableTask,
    IReadOnlyDictionary<string, string> LogLevels)
{
    public const string FileName = "host.json";

    /// <summary>The one storage provider both hosts run: Durable Functions' default, Azure Storage (Azurite locally).</summary>
    public const string StorageProvider = "AzureStorage";

    public static HostJson Defaults { get; } = new(
        "2.0",
        "api",
        1024 * 1024,
        new DurableTaskHostSettings(
            "RagnarokHub", "AzureWebJobsStorage", 4, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), false, 8, 8),
        new Dictionary<string, string> { ["default"] = "Information" });

    /// <summary>Reads and validates a host.json; every problem is a one-line <see cref="HostConfigurationException"/>.</summary>
    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            throw HostConfigurationException.At(path, null, string.Empty, "file not found; the host needs a host.json in its folder (see README, Configuration)");
        }

        using var file = JsonSettingsFile.Load(path);
        var version = file.GetString("version") ?? throw file.Error("version", "missing; Azure Functions' host.json schema needs \"version\": \"2.0\"");
        if (version != "2.0")
        {
            throw file.Error("version", $"must be \"2.0\", found \"{version}\"");
        }

        var d = Defaults;
        var routePrefix = file.GetString("extensions.http.routePrefix") ?? d.RoutePrefix;
        if (routePrefix.Contains(' ', StringComparison.Ordinal) || routePrefix.Contains('?', StringComparison.Ordinal))
        {
            throw file.Error("extensions.http.routePrefix", $"\"{routePrefix}\" is not a route segment");
        }

        var hubName = file.GetString("extensions.durableTask.hubName") ?? d.DurableTask.HubName;
        if (!HubNamePattern().IsMatch(hubName))
        {
            throw file.Error("extensions.durableTask.hubName", $"\"{hubName}\" must start with a letter and hold 3 to 45 letters or digits (an Azure Storage task hub name)");
        }

        const string storage = "extensions.durableTask.storageProvider";
        var provider = file.GetString($"{storage}.type") ?? StorageProvider;
        if (!string.Equals(provider, StorageProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw file.Error($"{storage}.type", $"\"{provider}\" is not supported; this app runs on \"{StorageProvider}\" (Azurite locally)");
        }

        var dd = d.DurableTask;
        var durable = new DurableTaskHostSettings(
            hubName,
            file.GetString($"{storage}.connectionName") ?? file.GetString($"{storage}.connectionStringName") ?? dd.ConnectionName,
            (int)(file.GetInt64($"{storage}.partitionCount", 1, 16) ?? dd.PartitionCount),
            file.GetTimeSpan($"{storage}.maxQueuePollingInterval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5)) ?? dd.MaxQueuePollingInterval,
            file.GetTimeSpan($"{storage}.workItemQueueVisibilityTimeout", TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)) ?? dd.WorkItemQueueVisibilityTimeout,
            file.GetTimeSpan($"{storage}.controlQueueVisibilityTimeout", TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)) ?? dd.ControlQueueVisibilityTimeout,
            file.GetBoolean("extensions.durableTask.extendedSessionsEnabled") ?? dd.ExtendedSessionsEnabled,
            (int)(file.GetInt64("extensions.durableTask.maxConcurrentActivityFunctions", 1, 1000) ?? dd.MaxConcurrentActivityFunctions),
            (int)(file.GetInt64("extensions.durableTask.maxConcurrentOrchestratorFunctions", 1, 1000) ?? dd.MaxConcurrentOrchestratorFunctions));

        return new HostJson(
            version,
            routePrefix.Trim('/'),
            file.GetInt64("extensions.http.maxRequestBodySize", 1024, 1L << 30) ?? d.MaxRequestBodySize,
            durable,
            ReadLogLevels(file));
    }

    private static Dictionary<string, string> ReadLogLevels(JsonSettingsFile file)
    {
        var levels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (file.GetObject("logging.logLevel") is not { } element)
        {
            levels["default"] = "Information";
            return levels;
        }

        foreach (var property in element.EnumerateObject())
        {
            var field = $"logging.logLevel.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.String || !Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(property.Value.GetString(), ignoreCase: true, out _))
            {
                throw file.Error(field, $"expected one of Trace, Debug, Information, Warning, Error, Critical, None; found {property.Value.GetRawText()}");
            }

            levels[property.Name] = property.Value.GetString()!;
        }

        return levels;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubNamePattern();
}
