using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.LogAnalytics;

namespace RagnarokOps.Connectors.Logs;

public static class LogServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILogSource"/>: Log Analytics when <c>LogAnalytics:WorkspaceId</c> is set (tokens from a
    /// registered <see cref="TokenCredential"/>, else DefaultAzureCredential), otherwise the log files named in the
    /// policy and in <c>Logs:Files</c>. Binds <see cref="LogAnalyticsOptions"/> and <see cref="LogFileOptions"/>.
    /// </summary>
    public static IServiceCollection AddRagnarokLogSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LogAnalyticsOptions>().Bind(configuration.GetSection(LogAnalyticsOptions.SectionName))
            .Validate(o => !o.IsConfigured || Guid.TryParse(o.WorkspaceId, out _), "LogAnalytics:WorkspaceId must be the workspace's id (a GUID)")
            .ValidateOnStart();
        services.AddOptions<LogFileOptions>().Bind(configuration.GetSection(LogFileOptions.SectionName));
        services.AddSingleton<LogFileSource>();
        services.AddSingleton(sp => new LogAnalyticsClient(
            sp.GetRequiredService<IOptions<LogAnalyticsOptions>>().Value,
            sp.GetService<TokenCredential>() ?? new DefaultAzureCredential(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<LogAnalyticsClient>()));
        services.AddSingleton<LogAnalyticsLogSource>();
        services.AddSingleton<ILogSource>(sp => sp.GetRequiredService<IOptions<LogAnalyticsOptions>>().Value.IsConfigured
            ? sp.GetRequiredService<LogAnalyticsLogSource>()
            : sp.GetRequiredService<LogFileSource>());
        return services;
    }
}
