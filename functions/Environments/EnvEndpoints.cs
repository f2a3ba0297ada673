using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Environments;

/// <summary>
/// The read-only query surface: <c>GET /api/env/{project}/topology|status|drift</c>, JSON, safe for anyone to call,
/// never writing (drift is computed, the tracking issue is left alone). {project} is an id or a URL-encoded path.
/// The handlers are plain methods so an Azure Functions [Function] class can call them with its own dependencies.
/// Needs <see cref="EnvironmentServiceCollectionExtensions.AddEnvironments"/> in the host's services.
/// </summary>
internal static class EnvEndpoints
{
    public static IEndpointRouteBuilder MapEnvironmentEndpoints(this IEndpointRouteBuilder endpoints, HostConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = configuration.Host.RoutePrefix.Trim('/');
        var group = endpoints.MapGroup(prefix.Length == 0 ? "/env" : $"/{prefix}/env");
        group.MapGet("/{project}/topology", (string project, [FromServices] EnvironmentGitLab reader, CancellationToken ct) => TopologyAsync(project, reader, ct));
        group.MapGet("/{project}/status", (string project, [FromServices] EnvironmentRunner runner, CancellationToken ct) => StatusAsync(project, runner, ct));
        group.MapGet("/{project}/drift", (string project, [FromServices] EnvironmentRunner runner, CancellationToken ct) => DriftAsync(project, runner, ct));
        return endpoints;
    }

    /// <summary>200 with the topology (and how it was read); 422 with every error when the file is invalid.</summary>
    public static async Task<IResult> TopologyAsync(string project, EnvironmentGitLab reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return await AnswerAsync(async () =>
        {
            var load = await reader.LoadTopologyAsync(Uri.UnescapeDataString(project), cancellationToken).ConfigureAwait(false);
            return (load, load.Errors);
        }).ConfigureAwait(false);
    }

    public static async Task<IResult> StatusAsync(string project, EnvironmentRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return await AnswerAsync(async () =>
        {
            var outcome = await runner.StatusAsync(Uri.UnescapeDataString(project), cancellationToken).ConfigureAwait(false);
            return (outcome, outcome.Errors);
        }).ConfigureAwait(false);
    }

    /// <summary>The drift report, computed now; the tracking issue is neither created nor updated.</summary>
    public static async Task<IResult> DriftAsync(string project, EnvironmentRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return await AnswerAsync(async () =>
        {
            var outcome = await runner.DriftCheckAsync(Uri.UnescapeDataString(project), publish: false, cancellationToken).ConfigureAwait(false);
            return (outcome, outcome.Errors);
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> AnswerAsync<T>(Func<Task<(T Body, IReadOnlyList<string> Errors)>> read)
    {
        try
        {
            var (body, errors) = await read().ConfigureAwait(false);
            return Results.Json(body, EnvJson.Options, statusCode: errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }
        catch (Connectors.GitLab.GitLabApiException ex)
        {
            // The project itself could not be read (unknown, no access): say so with GitLab's status, never the token.
            var status = (int)ex.StatusCode is 404 or 403 or 401 ? (int)ex.StatusCode : StatusCodes.Status502BadGateway;
            return Results.Json(new { error = $"GitLab answered {(int)ex.StatusCode} to {ex.Method} {ex.Path}" }, EnvJson.Options, statusCode: status);
        }
    }
}
