using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RagnarokOps.Sandbox.Git;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Wires the <c>/api/v4</c> routes, token authentication and GitLab-shaped errors.</summary>
internal static class SandboxApi
{
    public static void Map(WebApplication app, string adminToken)
    {
        app.Use(async (http, next) =>
        {
            try
            {
                if (http.Request.Path.StartsWithSegments("/api/v4"))
                {
                    var sb = http.RequestServices.GetService(typeof(SandboxContext)) as SandboxContext;
                    if (Authenticate(http, sb!, adminToken) is not { } user)
                    {
                        await ApiResults.Unauthorized().ExecuteAsync(http);
                        return;
                    }

                    http.Items[HttpContextExtensions.UserKey] = user;

                    // A call made while handling a webhook names that hook's event; hooks it fires join the chain.
                    HookChains.CurrentRequestUuid = http.Request.Headers["X-Gitlab-Event-UUID"].ToString();
                }

                await next(http);
            }
            catch (Exception ex) when (ex is BadRequestException or ArgumentException && !http.Response.HasStarted)
            {
                await ApiResults.BadRequest(ex.Message).ExecuteAsync(http);
            }
            catch (NotFoundException ex) when (!http.Response.HasStarted)
            {
                await ApiResults.NotFound(ex.What).ExecuteAsync(http);
            }
            catch (GitException ex) when (!http.Response.HasStarted)
            {
                await ApiResults.Message(StatusCodes.Status500InternalServerError, "500 Internal Server Error: " + ex.Message).ExecuteAsync(http);
            }
        });

        var api = app.MapGroup("/api/v4");
        ProjectEndpoints.Map(api);
        var project = api.MapGroup("/projects/{id}");
        IssueEndpoints.Map(project);
        NoteEndpoints.Map(project);
        LabelEndpoints.Map(project);
        RepositoryEndpoints.Map(project);
        CommitEndpoints.Map(project);
        CommitDiscussionEndpoints.Map(project);
        MergeRequestNoteEndpoints.Map(project);
        RunnerJobEndpoints.Map(api);
        MergeRequestEndpoints.Map(project);
        PipelineEndpoints.Map(project);
        JobEndpoints.Map(project);
        DeploymentEndpoints.Map(project);
        FeatureFlagEndpoints.Map(project);
        MemberEndpoints.Map(project);
        WikiEndpoints.Map(project);
        HookEndpoints.Map(project);
        EnvironmentSupportEndpoints.Map(api, project);
        app.MapFallback((HttpContext http) => http.Request.Path.StartsWithSegments("/api/v4")
            ? ApiResults.Message(StatusCodes.Status404NotFound, "404 Not Found")
            : Results.NotFound());
    }

    private static JsonObject? Authenticate(HttpContext http, SandboxContext sb, string adminToken)
    {
        var presented = http.Request.Headers["PRIVATE-TOKEN"].ToString();
        if (presented.Length == 0 && http.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            presented = auth["Bearer ".Length..];
        }

        if (presented.Length == 0)
        {
            return null;
        }

        var hash = Hash(presented);
        if (CryptographicOperations.FixedTimeEquals(hash, Hash(adminToken)))
        {
            return sb.FindUser(1);
        }

        // Member tokens (created by seeds) let tests act as someone other than the administrator.
        foreach (var token in sb.Store.List(Kinds.Token))
        {
            if (CryptographicOperations.FixedTimeEquals(hash, Hash(token.Str("token"))))
            {
                return sb.FindUser(token.Long("user_id"));
            }
        }

        return null;
    }

    // Equal-length digests: FixedTimeEquals returns at once on a length mismatch, which would tell a caller the token's length.
    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
