using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Approvals;

/// <summary>
/// <c>GET /{prefix}/approvals/{instanceId}?token=…</c> shows what would be done, the evidence, who may decide and how:
/// a <c>/ragnarok approve|reject</c> comment on the issue, whose author GitLab authenticates. The link never decides
/// (link scanners follow GETs, and a click cannot say who clicked): <c>POST</c> answers 403 saying so. Bad tokens get
/// 403 with the reason.
/// </summary>
internal static class ApprovalEndpoints
{
    private const string NothingPendingText = "this case is not waiting for an approval now: it was decided, timed out or does not exist";

    internal const string DecideByNoteText =
        "an approval link does not decide: comment /ragnarok approve or /ragnarok reject on the issue, signed in to GitLab, so the decision records who made it";

    /// <summary>Maps the approval routes under the host's route prefix; call it on the app, not on a prefixed group.</summary>
    public static IEndpointRouteBuilder MapApprovals(this IEndpointRouteBuilder endpoints, HostConfiguration configuration)
    {
        // Resolve the key now, so a missing one is reported at start rather than on the first click.
        endpoints.ServiceProvider.GetRequiredService<ApprovalSigningKey>();
        var prefix = configuration.Host.RoutePrefix.Trim('/');
        var group = endpoints.MapGroup(prefix.Length == 0 ? "/approvals" : $"/{prefix}/approvals");
        group.MapGet("/{instanceId}", ShowAsync);
        group.MapPost("/{instanceId}", Decide);
        return endpoints;
    }

    // Routing decodes every escape in a segment but %2F, so an instance id holding "/" arrives half-encoded.
    private static string InstanceIdFromRoute(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    internal static async Task<IResult> ShowAsync(
        string instanceId,
        HttpContext context,
        [FromServices] ApprovalTokenService tokens,
        [FromServices] IApprovalRequestSource requests,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ApprovalEndpoints));
        instanceId = InstanceIdFromRoute(instanceId);
        var token = context.Request.Query["token"].ToString();
        var pending = await requests.GetPendingAsync(instanceId, cancellationToken);
        var verification = await tokens.VerifyAsync(token, instanceId, pending?.Action, cancellationToken);
        if (!verification.IsValid)
        {
            ApprovalsLog.TokenRefused(logger, "GET", instanceId, verification.Reason);
            return Html(context, StatusCodes.Status403Forbidden, ApprovalPages.Message("This approval link cannot be used", verification.Reason));
        }

        if (pending is null)
        {
            ApprovalsLog.NothingPending(logger, instanceId);
            return Html(context, StatusCodes.Status409Conflict, ApprovalPages.Message("Nothing to approve", NothingPendingText));
        }

        return Html(context, StatusCodes.Status200OK, ApprovalPages.Confirm(instanceId, pending, verification.Claims!));
    }

    internal static IResult Decide(string instanceId, HttpContext context, [FromServices] ILoggerFactory loggers)
    {
        ApprovalsLog.TokenRefused(loggers.CreateLogger(typeof(ApprovalEndpoints)), "POST", InstanceIdFromRoute(instanceId), "links do not decide");
        return Reply(context, !context.Request.HasFormContentType, StatusCodes.Status403Forbidden, "Decide on the issue", DecideByNoteText);
    }

    private static IResult Reply(HttpContext context, bool isJson, int status, string title, string reason) =>
        isJson ? Results.Json(new { error = reason }, statusCode: status) : Html(context, status, ApprovalPages.Message(title, reason));

    private static IResult Html(HttpContext context, int status, string html)
    {
        // The page holds a capability: keep it out of frames, caches and Referer headers.
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
