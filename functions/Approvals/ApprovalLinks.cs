using Microsoft.Extensions.Options;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Approvals;

/// <summary>An approval link as posted in the triage note, with the token it carries.</summary>
internal sealed record ApprovalLink(Uri Url, IssuedApprovalToken Token);

/// <summary>Builds the links a case posts when it waits for approval: public base URL + route prefix + token.</summary>
internal sealed class ApprovalLinks(ApprovalTokenService tokens, IOptions<ApprovalOptions> options, HostConfiguration host)
{
    public ApprovalLink Create(string instanceId, string action, TimeSpan validFor)
    {
        var issued = tokens.Issue(instanceId, action, validFor);
        var url = $"{options.Value.PublicBaseUrl.TrimEnd('/')}{PathFor(host.Host.RoutePrefix, instanceId)}?token={Uri.EscapeDataString(issued.Token)}";
        return new ApprovalLink(new Uri(url, UriKind.Absolute), issued);
    }

    /// <summary>The path of an instance's approval page, e.g. <c>/api/approvals/{instanceId}</c>.</summary>
    public static string PathFor(string routePrefix, string instanceId)
    {
        var prefix = routePrefix.Trim('/');
        return $"{(prefix.Length == 0 ? string.Empty : "/" + prefix)}/approvals/{Uri.EscapeDataString(instanceId)}";
    }
}
