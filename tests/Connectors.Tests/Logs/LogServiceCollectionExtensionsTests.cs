using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.LogAnalytics;
using RagnarokOps.Connectors.Logs;
using RagnarokOps.Connectors.Tests.LogAnalytics;

namespace RagnarokOps.Connectors.Tests.Logs;

public sealed class LogServiceCollectionExtensionsTests
{
    private static ServiceProvider Provider(params (string Key, string Value)[] settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<TokenCredential>(new FakeTokenCredential())
            .AddRagnarokLogSources(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build())
            .BuildServiceProvider();

    [Fact]
    public void AddRagnarokLogSources_NoWorkspace_IsTheLogFileSource()
    {
        using var provider = Provider(("Logs:Files:0", "logs/orders.log"));

        Assert.Equal("log-file", provider.GetRequiredService<ILogSource>().Name);
        Assert.Equal(["logs/orders.log"], provider.GetRequiredService<IOptions<LogFileOptions>>().Value.Files);
    }

    [Fact]
    public void AddRagnarokLogSources_Workspace_IsLogAnalytics()
    {
        using var provider = Provider(("LogAnalytics:WorkspaceId", "6f1d5e8a-2b7c-4c11-9d3e-0a1b2c3d4e5f"), ("LogAnalytics:Endpoint", "https://api.loganalytics.azure.cn"));

        Assert.Equal("log-analytics", provider.GetRequiredService<ILogSource>().Name);
        Assert.Equal("https://api.loganalytics.azure.cn/.default", provider.GetRequiredService<IOptions<LogAnalyticsOptions>>().Value.EffectiveScope);
    }

    [Fact]
    public void AddRagnarokLogSources_WorkspaceNotAGuid_FailsValidation()
    {
        using var provider = Provider(("LogAnalytics:WorkspaceId", "my-workspace"));

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LogAnalyticsOptions>>().Value);

        Assert.Contains("GUID", e.Message, StringComparison.Ordinal);
    }
}
