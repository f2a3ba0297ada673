using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace RagnarokOps.Functions.Management;

internal static partial class ManagementApiEndpoints
{
    private sealed class Handlers(string prefix, ManagementApiOptions options)
    {
        /// <summary>As in Durable Functions, an id may be reused once its instance finished, never while it runs.</summary>
        private static readonly IReadOnlyList<string> NotFinished =
            [nameof(OrchestrationRuntimeStatus.Pending), nameof(OrchestrationRuntimeStatus.Running), nameof(OrchestrationRuntimeStatus.Suspended)];

        public async Task<IResult> StartAsync(HttpContext context, DurableTaskClient client, string name, string? instanceId)
        {
            if (!options.Orchestrators.Contains(name))
            {
                return Results.NotFound($"No orchestrator named \"{name}\" runs here; known: {string.Join(", ", options.Orchestrators.Order(StringComparer.Ordinal))}.");
            }

            var (ok, input) = await ReadJsonBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            if (!ok)
            {
                return Results.BadRequest("The request body is not valid JSON.");
            }

            if (instanceId is not null && await client.GetInstanceAsync(instanceId, false, context.RequestAborted).ConfigureAwait(false) is { IsCompleted: false })
            {
                return Results.Conflict($"An instance with the id \"{instanceId}\" is still running.");
            }

            string id;
            try
            {
                id = await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId) { DedupeStatuses = NotFinished }, context.RequestAborted)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (InstanceConflict.IsAlreadyExists(ex))
            {
                return Results.Conflict($"An instance with the id \"{instanceId}\" already exists.");
            }

            var payload = ManagementPayloads.CheckStatus(ManagementPayloads.BaseUrl(context.Request, prefix), id, Query(context));
            context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Accepted(payload["statusQueryGetUri"]!.GetValue<string>(), payload);
        }

        public async Task<IResult> StatusAsync(
            HttpContext context, DurableTaskClient client, string instanceId, bool? showInput)
        {
            var metadata = await client.GetInstanceAsync(instanceId, true, context.RequestAborted).ConfigureAwait(false);
            if (metadata is null)
            {
                return Results.NotFound();
            }

            var body = ManagementPayloads.Status(metadata, showInput ?? true);
            if (metadata.IsRunning)
            {
                var self = $"{ManagementPayloads.BaseUrl(context.Request, prefix)}/instances/{Uri.EscapeDataString(instanceId)}{context.Request.QueryString}";
                context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.Accepted(self, body);
            }

            return Results.Ok(body);
        }

        public async Task<IResult> ListAsync(
            HttpContext context, DurableTaskClient client, string? createdTimeFrom, string? createdTimeTo, string? runtimeStatus,
            int? top, bool? showInput, string? instanceIdPrefix)
        {
            var query = new OrchestrationQuery(
                ParseTime(createdTimeFrom), ParseTime(createdTimeTo), ParseStatuses(runtimeStatus), TaskHubNames: null, instanceIdPrefix,
                PageSize: top ?? OrchestrationQuery.DefaultPageSize, FetchInputsAndOutputs: true,
                ContinuationToken: context.Request.Headers["x-ms-continuation-token"]);
            var list = new JsonArray();
            await foreach (var m in client.GetAllInstancesAsync(query).WithCancellation(context.RequestAborted).ConfigureAwait(false))
            {
                list.Add(ManagementPayloads.Status(m, showInput ?? false));
                if (top is > 0 && list.Count >= top)
                {
                    break;
                }
            }

            return Results.Ok(list);
        }

        public async Task<IResult> RaiseEventAsync(HttpContext context, DurableTaskClient client, string instanceId, string eventName)
        {
            var (ok, payload) = await ReadJsonBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            if (!ok)
            {
                return Results.BadRequest("The request body is not valid JSON.");
            }

            return await ControlAsync(context, client, instanceId, (id, ct) => client.RaiseEventAsync(id, eventName, payload, ct))
                .ConfigureAwait(false);
        }

        /// <summary>404 for an unknown instance, 410 for a finished one, else runs the action and answers 202.</summary>
        public async Task<IResult> ControlAsync(
            HttpContext context, DurableTaskClient client, string instanceId, Func<string, CancellationToken, Task> action)
        {
            var metadata = await client.GetInstanceAsync(instanceId, false, context.RequestAborted).ConfigureAwait(false);
            if (metadata is null)
            {
                return Results.NotFound();
            }

            if (metadata.IsCompleted)
            {
                return Results.StatusCode(StatusCodes.Status410Gone);
            }

            await action(instanceId, context.RequestAborted).ConfigureAwait(false);
            return Results.Accepted();
        }

        public async Task<IResult> PurgeAsync(HttpContext context, DurableTaskClient client, string instanceId)
        {
            var result = await client.PurgeInstanceAsync(instanceId, context.RequestAborted).ConfigureAwait(false);
            return result.PurgedInstanceCount == 0
                ? Results.NotFound()
                : Results.Ok(new JsonObject { ["instancesDeleted"] = result.PurgedInstanceCount });
        }

        public async Task<IResult> PurgeAllAsync(
            HttpContext context, DurableTaskClient client, string? createdTimeFrom, string? createdTimeTo, string? runtimeStatus)
        {
            var filter = new PurgeInstancesFilter(ParseTime(createdTimeFrom), ParseTime(createdTimeTo), ParseStatuses(runtimeStatus));
            var result = await client.PurgeAllInstancesAsync(filter, context.RequestAborted).ConfigureAwait(false);
            return result.PurgedInstanceCount == 0
                ? Results.NotFound()
                : Results.Ok(new JsonObject { ["instancesDeleted"] = result.PurgedInstanceCount });
        }

        private string Query(HttpContext context)
        {
            var query = $"taskHub={Uri.EscapeDataString(options.TaskHub)}&connection=Storage";

            // Echo the key only to a caller who already sent it in the URL, so the returned links work as Azure's do.
            return context.Request.Query.TryGetValue("code", out var code) && !string.IsNullOrEmpty(code)
                ? $"{query}&code={Uri.EscapeDataString(code!)}"
                : query;
        }
    }
}
