using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask.Client;

namespace RagnarokOps.Functions.Management;

/// <summary>Maps Durable Functions' HTTP management API onto a <see cref="DurableTaskClient"/>.</summary>
internal static partial class ManagementApiEndpoints
{
    /// <summary>The route prefix Durable Functions uses.</summary>
    public const string DefaultPrefix = "/runtime/webhooks/durabletask";

    /// <summary>
    /// Maps start, status, list, raiseEvent, terminate, suspend, resume and purge under <paramref name="prefix"/>.
    /// Needs <c>AddDurableTaskClient</c>; the key comes from <see cref="ManagementApiOptions"/> (configure with
    /// <c>services.Configure&lt;ManagementApiOptions&gt;(o =&gt; o.Key = ...)</c>).
    /// </summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="prefix">The route prefix.</param>
    /// <returns>The route group, for further conventions.</returns>
    public static RouteGroupBuilder MapDurableTaskManagementApi(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetService<IOptions<ManagementApiOptions>>()?.Value ?? new ManagementApiOptions();
        var api = new Handlers(prefix, options);
        var group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(new ManagementApiKeyFilter(options));
        group.MapPost("/orchestrators/{name}/{instanceId?}", api.StartAsync);
        group.MapGet("/instances/{instanceId}", api.StatusAsync);
        group.MapGet("/instances", api.ListAsync);
        group.MapPost("/instances/{instanceId}/raiseEvent/{eventName}", api.RaiseEventAsync);
        group.MapPost("/instances/{instanceId}/terminate", (HttpContext c, DurableTaskClient client, string instanceId, string? reason) =>
            api.ControlAsync(c, client, instanceId, (id, ct) => client.TerminateInstanceAsync(id, reason, ct)));
        group.MapPost("/instances/{instanceId}/suspend", (HttpContext c, DurableTaskClient client, string instanceId, string? reason) =>
            api.ControlAsync(c, client, instanceId, (id, ct) => client.SuspendInstanceAsync(id, reason, ct)));
        group.MapPost("/instances/{instanceId}/resume", (HttpContext c, DurableTaskClient client, string instanceId, string? reason) =>
            api.ControlAsync(c, client, instanceId, (id, ct) => client.ResumeInstanceAsync(id, reason, ct)));
        group.MapDelete("/instances/{instanceId}", api.PurgeAsync);
        group.MapDelete("/instances", api.PurgeAllAsync);
        return group;
    }

    private static async Task<(bool Ok, object? Value)> ReadJsonBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, null);
        }

        try
        {
            return (true, JsonDocument.Parse(text).RootElement.Clone());
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }

    private static IEnumerable<OrchestrationRuntimeStatus>? ParseStatuses(string? value) =>
        string.IsNullOrEmpty(value)
            ? null
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => Enum.TryParse<OrchestrationRuntimeStatus>(s, ignoreCase: true, out var status) ? status : (OrchestrationRuntimeStatus?)null)
                .OfType<OrchestrationRuntimeStatus>()
                .ToList();

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
