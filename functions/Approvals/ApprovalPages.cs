using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace RagnarokOps.Functions.Approvals;

/// <summary>
/// The small, self-contained HTML pages of an approval link. Every value is HTML-encoded; the evidence
/// summary is shown as preformatted text rather than rendered Markdown, so it cannot carry markup.
/// </summary>
internal static class ApprovalPages
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
        pre{white-space:pre-wrap;background:#f6f8fa;padding:1rem;border-radius:6px}
        .muted{color:#59636e}
        """;

    /// <summary>
    /// What will be done, the evidence, and how to decide: a <c>/ragnarok approve|reject</c> comment on the issue, whose
    /// author GitLab authenticates. The page has no buttons: a click here could not say who clicked.
    /// </summary>
    public static string Confirm(string instanceId, ApprovalRequest request, ApprovalClaims claims)
    {
        var issue = request.IssueUrl is { } url
            ? $"<a href=\"{E(url)}\">the issue</a>"
            : "the escalation issue";
        var body = new StringBuilder()
            .Append("<h1>").Append(E(request.Title)).Append("</h1>")
            .Append("<p>Case <code>").Append(E(instanceId)).Append("</code> is waiting for a decision on <strong>")
            .Append(E(claims.Action)).Append("</strong>.</p>")
            .Append("<p class=\"muted\">The wait ends at ").Append(E(Utc(claims.ExpiresAt)))
            .Append(". Opening this page decides nothing.</p>")
            .Append("<h2>Evidence</h2><pre>").Append(E(request.Summary)).Append("</pre>")
            .Append("<h2>How to decide</h2>")
            .Append("<p>Comment on ").Append(issue).Append(", signed in to GitLab as yourself:</p>")
            .Append("<pre>/ragnarok approve [comment]\n/ragnarok reject [comment]</pre>")
            .Append("<p>GitLab vouches for who wrote the comment, so the decision records a person, not a name typed here. It counts from ")
            .Append(E(request.Approvers.Describe())).Append(" (").Append(E(request.Approvers.Rule)).Append(").</p>");
        return Layout("Approve: " + request.Title, body.ToString());
    }

    public static string Message(string title, string text) => Layout(title, $"<h1>{E(title)}</h1><p>{E(text)}</p>");

    private static string Layout(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<meta name=\"robots\" content=\"noindex\"><title>{E(title)} · RagnarokOps</title><style>{Style}</style></head><body>{body}</body></html>";

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
