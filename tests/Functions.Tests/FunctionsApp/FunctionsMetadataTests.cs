using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.Tests.Engine;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.FunctionsApp;

/// <summary>
/// The functions.metadata the Azure Functions Worker SDK emits at build must list a trigger for every orchestrator and
/// activity the local host registers, and an HTTP trigger for every route the local host serves, with the same methods.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonArray Metadata = (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!;

    [Fact]
    public void Metadata_OrchestrationTriggers_AreTheLocalHostsOrchestrators()
    {
        Assert.Equal(EscalationServices.Orchestrators.Order(StringComparer.Ordinal), Triggered("orchestrationTrigger").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Metadata_TimerTriggers_AreTheScheduledJobs()
    {
        Assert.Equal(RagnarokOps.Functions.Schedules.ScheduleServiceCollectionExtensions.JobNames.Order(StringComparer.Ordinal), Triggered("timerTrigger").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Metadata_ActivityTriggers_AreTheRegisteredActivities()
    {
        Assert.Equal(EscalationServices.Activities.Keys.Order(StringComparer.Ordinal), Triggered("activityTrigger").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Metadata_HttpTriggers_AreTheLocalHostsRoutes()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("host.json"), TestAzurite.HostJson("metadata"));
        var configuration = HostConfiguration.Load(dir.Path, new Dictionary<string, string?> { ["Approvals:SigningKey"] = new string('k', 40) });
        await using var app = RagnarokHost.Build(configuration, "http://127.0.0.1:0");
        var prefix = "/" + configuration.Host.RoutePrefix + "/";
        var local = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {("/" + e.RoutePattern.RawText!.TrimStart('/'))[prefix.Length..]}"))
            .Order(StringComparer.Ordinal);

        var functions = Metadata.SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
            .SelectMany(b => b!["methods"]!.AsArray().Select(m => $"{m!.GetValue<string>().ToUpperInvariant()} {b["route"]!.GetValue<string>()}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(local, functions);
    }

    private static IEnumerable<string> Triggered(string type) =>
        Metadata.Where(f => f!["bindings"]!.AsArray().Any(b => b!["type"]!.GetValue<string>() == type)).Select(f => f!["name"]!.GetValue<string>());
}
