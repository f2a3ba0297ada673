using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using RagnarokOps.Activities.Reporting;

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
        textarea{width:100%;min-height:4rem}
        button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem;border-radius:6px;border:1px solid #888;cursor:pointer}
        .approve{background:#1f883d;color:#fff}.reject{background:#cf222e;color:#fff}.muted{color:#59636e}
        """;

    public static string Confirm(string instanceId, ApprovalRequest request, ApprovalClaims claims, string formAction, string token)
    {
        var body = new StringBuilder()
            .Append("<h1>").Append(E(request.Title)).Append("</h1>")
            .Append("<p>Case <code>").Append(E(instanceId)).Append("</code> is waiting for a decision on <strong>")
            .Append(E(claims.Action)).Append("</strong>.</p>")
            .Append("<p class=\"muted\">This link expires at ").Append(E(Utc(claims.ExpiresAt)))
            .Append(". Opening it decides nothing; only the buttons below do, once.</p>")
            .Append("<h2>Evidence</h2><pre>").Append(E(request.Summary)).Append("</pre>")
            .Append("<form method=\"post\" action=\"").Append(E(formAction)).Append("\">")
            .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(E(token)).Append("\">")
            .Append("<p><label>Your name (optional)<br><input name=\"by\" maxlength=\"200\"></label></p>")
            .Append("<p><label>Comment (optional)<br><textarea name=\"comment\" maxlength=\"2000\"></textarea></label></p>")
            .Append("<button class=\"approve\" name=\"decision\" value=\"approve\">Approve</button>")
            .Append("<button class=\"reject\" name=\"decision\" value=\"reject\">Reject</button>")
            .Append("</form>");
        return Layout("Approve: " + request.Title, body.ToString());
    }

    public static string Decided(string instanceId, ApprovalDecision decision) => Layout(
        decision.Approved ? "Approved" : "Rejected",
        $"<h1>{(decision.Approved ? "Approved" : "Rejected")}</h1><p><strong>{E(decision.Action)}</strong> on case <code>{E(instanceId)}</code> was "
        + $"{(decision.Approved ? "approved" : "rejected")} by {E(decision.By)} at {E(Utc(decision.DecidedAt))}. The case continues on its own; you can close this page.</p>");

    public static string Message(string title, string text) => Layout(title, $"<h1>{E(title)}</h1><p>{E(text)}</p>");

    private static string Layout(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<meta name=\"robots\" content=\"noindex\"><title>{E(title)} · RagnarokOps</title><style>{Style}</style></head><body>{body}</body></html>";

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
