using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.Webhooks;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>
/// The HTTP triggers of the Azure Functions app. Each calls the same handler the local host maps on the same route
/// (under host.json's <c>extensions.http.routePrefix</c>, which the Functions host applies), so both behave alike.
/// </summary>
public sealed class HttpFunctions
{
    public const string Health = nameof(Health);
    public const string GitLabWebhook = nameof(GitLabWebhook);
    public const string ApprovalPage = nameof(ApprovalPage);
    public const string ApprovalDecision = nameof(ApprovalDecision);

    [Function(Health)]
    public Task<IActionResult> HealthAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        RunAsync(request, () => Task.FromResult(HealthEndpoint.Get(Service<HostConfiguration>(request))));

    [Function(GitLabWebhook)]
    public Task<IActionResult> GitLabWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/gitlab")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        RunWithClientAsync(request, client, context, s => GitLabWebhookEndpoints.ReceiveAsync(
            request.HttpContext, Options<Connectors.GitLab.GitLabOptions>(s), Options<WebhookOptions>(s), s.GetRequiredService<Escalations.EscalationStarter>(),
            s.GetRequiredService<NoteCommandHandler>(), s.GetRequiredService<EnvsyncCommandHandler>(), s.GetRequiredService<Pipelines.PipelineHookHandler>(), s.GetRequiredService<ICheckStatusLinks>(), s.GetRequiredService<ILoggerFactory>(), context.CancellationToken));

    [Function(ApprovalPage)]
    public Task<IActionResult> ApprovalPageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        RunWithClientAsync(request, client, context, s => ApprovalEndpoints.ShowAsync(
            instanceId, request.HttpContext, s.GetRequiredService<ApprovalTokenService>(), s.GetRequiredService<IApprovalRequestSource>(),
            s.GetRequiredService<ILoggerFactory>(), context.CancellationToken));

    [Function(ApprovalDecision)]
    public Task<IActionResult> ApprovalDecisionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        RunWithClientAsync(request, client, context, s => Task.FromResult(ApprovalEndpoints.Decide(instanceId, request.HttpContext, s.GetRequiredService<ILoggerFactory>())));

    [Function("EnvTopology")]
    public Task<IActionResult> EnvTopologyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "env/{project}/topology")] HttpRequest request, string project, FunctionContext context) =>
        RunAsync(request, () => Environments.EnvEndpoints.TopologyAsync(project, context.InstanceServices.GetRequiredService<Activities.Environments.EnvironmentGitLab>(), context.CancellationToken));

    [Function("EnvStatus")]
    public Task<IActionResult> EnvStatusAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "env/{project}/status")] HttpRequest request, string project, FunctionContext context) =>
        RunAsync(request, () => Environments.EnvEndpoints.StatusAsync(project, context.InstanceServices.GetRequiredService<Activities.Environments.EnvironmentRunner>(), context.CancellationToken));

    [Function("EnvDrift")]
    public Task<IActionResult> EnvDriftAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "env/{project}/drift")] HttpRequest request, string project, FunctionContext context) =>
        RunAsync(request, () => Environments.EnvEndpoints.DriftAsync(project, context.InstanceServices.GetRequiredService<Activities.Environments.EnvironmentRunner>(), context.CancellationToken));

    private static async Task<IActionResult> RunWithClientAsync(HttpRequest request, DurableTaskClient client, FunctionContext context, Func<IServiceProvider, Task<IResult>> handler)
    {
        context.InstanceServices.GetRequiredService<InvocationClient>().Set(client, await context.GetHttpRequestDataAsync());
        return await RunAsync(request, () => handler(context.InstanceServices));
    }

    /// <summary>Writes the handler's result to the response itself, so status, headers and body are exactly the local host's.</summary>
    private static async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IResult>> handler)
    {
        var result = await handler();
        await result.ExecuteAsync(request.HttpContext);
        return new EmptyResult();
    }

    private static T Service<T>(HttpRequest request) where T : notnull => request.HttpContext.RequestServices.GetRequiredService<T>();

    private static Microsoft.Extensions.Options.IOptions<T> Options<T>(IServiceProvider services) where T : class =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<T>>();
}
