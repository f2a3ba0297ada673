using Microsoft.Extensions.Configuration;

namespace RagnarokOps.Functions.Hosting;

/// <summary>
/// The host's settings, layered as the Functions host layers them: host.json, then local.settings.json
/// <c>Values</c>, then environment variables (which win).
/// </summary>
internal sealed record HostConfiguration(string ContentRoot, HostJson Host, IConfigurationRoot Configuration)
{
    /// <summary>
    /// Settings whose absence changes what the host can do; <see cref="Missing"/> names them at start-up.
    /// </summary>
    public static readonly IReadOnlyList<(string Key, string IfMissing)> Notable =
    [
        ("GitLab:BaseUrl", "no GitLab to read escalations from or write notes to (the demo brings its own sandbox)"),
        ("GitLab:Token", "GitLab API calls cannot authenticate"),
        ("GitLab:WebhookSecret", "every incoming webhook is refused"),
        ("LogAnalytics:WorkspaceId", "logs come from the files named in the policy, not from Azure Monitor"),
        ("Approvals:SigningKey", "approval links are signed with a key made for this process and stop working when it exits"),
    ];

    public IEnumerable<string> Missing =>
        Notable.Where(n => string.IsNullOrWhiteSpace(Configuration[n.Key])).Select(n => $"{n.Key}: not set, so {n.IfMissing}");

    /// <summary>Finds the content root: the working folder if it holds host.json, else the executable's folder.</summary>
    public static string FindContentRoot(string? explicitRoot = null, string? workingDirectory = null)
    {
        if (!string.IsNullOrEmpty(explicitRoot))
        {
            return Path.GetFullPath(explicitRoot);
        }

        var cwd = workingDirectory ?? Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(cwd, HostJson.FileName)) ? cwd : AppContext.BaseDirectory;
    }

    public static HostConfiguration Load(string contentRoot, IDictionary<string, string?>? overrides = null)
    {
        var host = HostJson.Load(Path.Combine(contentRoot, HostJson.FileName));
        var local = LocalSettings.Load(Path.Combine(contentRoot, LocalSettings.FileName));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(HostValues(host))
            .AddInMemoryCollection(local)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        return new HostConfiguration(contentRoot, host, configuration);
    }

    private static Dictionary<string, string?> HostValues(HostJson host)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:http:routePrefix"] = host.RoutePrefix,
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = host.DurableTask.HubName,
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionName"] = host.DurableTask.ConnectionName,
        };
        foreach (var (category, level) in host.LogLevels)
        {
            values[$"Logging:LogLevel:{(category.Equals("default", StringComparison.OrdinalIgnoreCase) ? "Default" : category)}"] = level;
        }

        return values;
    }
}
