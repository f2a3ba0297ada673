using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using RagnarokOps.Functions.Dashboard;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>
/// The dashboard on Azure: the same handlers as the local host. The Functions host puts every route under
/// <c>extensions.http.routePrefix</c>, so the page is at <c>/{prefix}/ui</c> there (the local host also serves <c>/</c>).
/// </summary>
public sealed class DashboardFunctions
{
    public const string DashboardPage = nameof(DashboardPage);
    public const string DashboardSnapshot = nameof(DashboardSnapshot);
    public const string Triage = nameof(Triage);

    [Function(DashboardPage)]
    public Task<IActionResult> PageAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ui")] HttpRequest request, FunctionContext context) =>
        RunAsync(request, () => Task.FromResult(DashboardEndpoints.Page(
            Prefix(context), context.InstanceServices.GetRequiredService<IOptions<DashboardOptions>>().Value)));

    [Function(DashboardSnapshot)]
    public async Task<IActionResult> SnapshotAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        context.InstanceServices.GetRequiredService<InvocationClient>().Set(client, await context.GetHttpRequestDataAsync());
        return await RunAsync(request, () => DashboardEndpoints.SnapshotAsync(context.InstanceServices.GetRequiredService<DashboardService>(), context.CancellationToken));
    }

    [Function(Triage)]
    public Task<IActionResult> TriageAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "triage")] HttpRequest request, FunctionContext context) =>
        RunAsync(request, () => TriageEndpoint.PostAsync(
            request, context.InstanceServices.GetRequiredService<IOptions<DashboardOptions>>().Value, context.CancellationToken));

    private static string Prefix(FunctionContext context)
    {
        var prefix = context.InstanceServices.GetRequiredService<HostConfiguration>().Host.RoutePrefix;
        return string.IsNullOrEmpty(prefix) ? string.Empty : "/" + prefix;
    }

    private static async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IResult>> handler)
    {
        var result = await handler();
        await result.ExecuteAsync(request.HttpContext);
        return new EmptyResult();
    }
}
