using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.GitLab.Webhooks;
using RagnarokOps.Functions.Escalations;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.Pipelines;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>
/// <c>POST /{prefix}/webhooks/gitlab</c>: checks the secret, the size and the shape, then starts a case (202 with the
/// check-status payload), decides a pending approval from a note, or says why it did nothing (200). Starting a case
/// makes no GitLab call, so GitLab's delivery gets its answer at once.
/// </summary>
internal static class GitLabWebhookEndpoints
{
    public static IEndpointRouteBuilder MapGitLabWebhooks(this IEndpointRouteBuilder endpoints, HostConfiguration configuration)
    {
        var prefix = configuration.Host.RoutePrefix.Trim('/');
        endpoints.MapPost(prefix.Length == 0 ? "/webhooks/gitlab" : $"/{prefix}/webhooks/gitlab", ReceiveAsync);
        return endpoints;
    }

    /// <summary>The handler both hosts call: the local host through routing, the Functions app from its HTTP trigger.</summary>
    internal static async Task<IResult> ReceiveAsync(
        HttpContext context,
        [FromServices] IOptions<GitLabOptions> gitlab,
        [FromServices] IOptions<WebhookOptions> options,
        [FromServices] EscalationStarter starter,
        [FromServices] NoteCommandHandler notes,
        [FromServices] EnvsyncCommandHandler envsync,
        [FromServices] PipelineHookHandler pipelines,
        [FromServices] ICheckStatusLinks links,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        // The host's own warm-up is no GitLab delivery: whatever it gets, it is not logged as one.
        var logger = WebhookWarmup.IsWarmup(context) ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance : loggers.CreateLogger(typeof(GitLabWebhookEndpoints));
        var headers = GitLabWebhookHeaders.From(context.Request.Headers);
        if (!GitLabWebhookToken.Matches(headers.Token, gitlab.Value.WebhookSecret))
        {
            var reason = string.IsNullOrEmpty(gitlab.Value.WebhookSecret) ? "GitLab:WebhookSecret is not configured" : "bad or missing X-Gitlab-Token";
            WebhooksLog.Refused(logger, reason);
            return Results.Json(new { error = reason }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var body = await WebhookBody.ReadAsync(context.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            WebhooksLog.Refused(logger, "body over the size limit");
            return Results.Json(new { error = $"the body is larger than {options.Value.MaxBodyBytes} bytes" }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var parsed = GitLabWebhookParser.Parse(headers, body);
        switch (parsed.Outcome)
        {
            case GitLabWebhookOutcome.Invalid:
                WebhooksLog.Refused(logger, parsed.Reason!);
                return Results.Json(new { error = parsed.Reason }, statusCode: StatusCodes.Status400BadRequest);
            case GitLabWebhookOutcome.Ignored:
                return Ignored(logger, headers.Event, parsed.Reason!);
        }

        switch (WebhookDecision.From(parsed.Event!, options.Value, parsed.EventUuid))
        {
            case WebhookDecision.Start start:
                var (instanceId, created) = await starter.StartAsync(start.Request, cancellationToken);
                WebhooksLog.Started(logger, instanceId, created ? "started" : "already exists; not started again", start.Request.Trigger);
                var payload = links.For(context.Request, instanceId);
                context.Response.Headers.Location = payload.StatusQueryGetUri;
                return created ? Results.Json(payload, statusCode: StatusCodes.Status202Accepted) : Results.Json(payload, statusCode: StatusCodes.Status200OK);
            case WebhookDecision.Decide decide:
                var (decided, message) = await notes.HandleAsync(decide, cancellationToken);
                return decided
                    ? Results.Json(new { instanceId = decide.Case.InstanceId, decided = message })
                    : Results.Json(new { instanceId = decide.Case.InstanceId, refused = message });
            case WebhookDecision.Envsync command:
                var (envStarted, envMessage) = await envsync.HandleAsync(command, cancellationToken);
                if (!envStarted)
                {
                    return Results.Json(new { instanceId = command.Command.InstanceId, refused = envMessage });
                }

                var envPayload = links.For(context.Request, command.Command.InstanceId);
                context.Response.Headers.Location = envPayload.StatusQueryGetUri;
                return Results.Json(envPayload, statusCode: StatusCodes.Status202Accepted);
            case WebhookDecision.PipelineTriage triage:
                var triageStarted = await pipelines.StartAsync(triage.Request, cancellationToken);
                var triagePayload = links.For(context.Request, triage.Request.InstanceId);
                context.Response.Headers.Location = triagePayload.StatusQueryGetUri;
                return Results.Json(triagePayload, statusCode: triageStarted ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
            case WebhookDecision.Ignore ignore:
                return Ignored(logger, headers.Event, ignore.Reason);
            default:
                throw new InvalidOperationException("unknown webhook decision");
        }
    }

    private static IResult Ignored(ILogger logger, string? eventHeader, string reason)
    {
        WebhooksLog.Ignored(logger, eventHeader, reason);
        return Results.Json(new { ignored = reason });
    }
}
