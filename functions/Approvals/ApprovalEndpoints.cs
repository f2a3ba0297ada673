using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Activities.Reporting;

namespace RagnarokOps.Functions.Approvals;

/// <summary>
/// <c>GET /{prefix}/approvals/{instanceId}?token=…</c> shows what would be done and never decides (link scanners
/// follow GETs); <c>POST</c> with the token decides once. Bad tokens get 403 with the reason.
/// </summary>
internal static class ApprovalEndpoints
{
    private const string NothingPendingText = "this case is not waiting for an approval now: it was decided, timed out or does not exist";

    /// <summary>Maps the approval routes under the host's route prefix; call it on the app, not on a prefixed group.</summary>
    public static IEndpointRouteBuilder MapApprovals(this IEndpointRouteBuilder endpoints, HostConfiguration configuration)
    {
        // Resolve the key now, so a missing one is reported at start rather than on the first click.
        endpoints.ServiceProvider.GetRequiredService<ApprovalSigningKey>();
        var prefix = configuration.Host.RoutePrefix.Trim('/');
        var group = endpoints.MapGroup(prefix.Length == 0 ? "/approvals" : $"/{prefix}/approvals");
        group.MapGet("/{instanceId}", ShowAsync);
        group.MapPost("/{instanceId}", DecideAsync);
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
        [FromServices] HostConfiguration configuration,
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

        var formAction = ApprovalLinks.PathFor(configuration.Host.RoutePrefix, instanceId);
        return Html(context, StatusCodes.Status200OK, ApprovalPages.Confirm(instanceId, pending, verification.Claims!, formAction, token));
    }

    internal static async Task<IResult> DecideAsync(
        string instanceId,
        HttpContext context,
        [FromServices] ApprovalTokenService tokens,
        [FromServices] IApprovalRequestSource requests,
        [FromServices] IApprovalDecisionSink sink,
        [FromServices] ILoggerFactory loggers,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ApprovalEndpoints));
        instanceId = InstanceIdFromRoute(instanceId);
        var (submission, isJson) = await ApprovalSubmission.ReadAsync(context.Request, cancellationToken);
        if (submission?.Approved is not { } approved)
        {
            return Reply(context, isJson, StatusCodes.Status400BadRequest, "Bad request", "send a form or JSON with token and decision (approve or reject)");
        }

        var pending = await requests.GetPendingAsync(instanceId, cancellationToken);
        var verification = pending is null
            ? await tokens.VerifyAsync(submission.Token, instanceId, null, cancellationToken)
            : await tokens.RedeemAsync(submission.Token, instanceId, pending.Action, approved ? "approve" : "reject", submission.DecidedBy, cancellationToken);
        if (!verification.IsValid)
        {
            ApprovalsLog.TokenRefused(logger, "POST", instanceId, verification.Reason);
            return Reply(context, isJson, StatusCodes.Status403Forbidden, "This approval link cannot be used", verification.Reason);
        }

        if (pending is null)
        {
            ApprovalsLog.NothingPending(logger, instanceId);
            return Reply(context, isJson, StatusCodes.Status409Conflict, "Nothing to approve", NothingPendingText);
        }

        var decision = new ApprovalDecision(approved, verification.Claims!.Action, submission.DecidedBy, submission.CleanComment, time.GetUtcNow());
        try
        {
            await sink.RaiseAsync(instanceId, decision, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ApprovalsLog.DecisionNotDelivered(logger, e, instanceId);
            await tokens.ReleaseAsync(verification.Claims, CancellationToken.None);
            return Reply(context, isJson, StatusCodes.Status503ServiceUnavailable, "Not delivered", "the decision could not reach the case; the link still works, try again shortly");
        }

        ApprovalsLog.DecisionAccepted(logger, instanceId, approved ? "approve" : "reject", decision.Action, decision.By);
        return isJson
            ? Results.Json(new { instanceId, decision = approved ? "approve" : "reject", action = decision.Action, by = decision.By, decidedAt = decision.DecidedAt })
            : Html(context, StatusCodes.Status200OK, ApprovalPages.Decided(instanceId, decision));
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
