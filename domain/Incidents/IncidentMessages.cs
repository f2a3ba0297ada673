using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Domain.Incidents;

/// <summary>An email in two parts: HTML for mail readers, plain text for the rest.</summary>
public sealed record IncidentEmail(string Subject, string Html, string Text);

/// <summary>Email and chat messages for one incident state (failing or recovered), each with the issue and wiki links. Pure; redacts.</summary>
public static class IncidentMessages
{
    public const string Failing = "failing";
    public const string Recovered = "recovered";

    public static string StateOf(IncidentSignal signal) => signal.Kind == SignalKind.Failing ? Failing : Recovered;

    public static IncidentEmail Email(IncidentCase incident, IncidentLinks links)
    {
        var s = incident.Signal;
        var g = incident.Grade;
        var state = s.Kind == SignalKind.Failing ? "Incident" : "Recovered";
        var subject = SecretRedactor.Redact($"[{g.Severity}] {state}: {s.Service} {s.Target} — {s.Summary}");
        var wiki = links.WikiUrl ?? "not written (see the issue)";
        var text = new StringBuilder()
            .AppendLine(SecretRedactor.Redact(s.Summary))
            .AppendLine()
            .AppendLine($"Severity: {g.Severity}")
            .AppendLine($"Category: {g.Category}")
            .AppendLine($"Service: {s.Service} ({s.Target})")
            .AppendLine($"Observed: {IncidentRenderer.Time(s.ObservedAt)}")
            .AppendLine($"Owner: {IncidentRenderer.Owners(incident)}")
            .AppendLine($"Issue: #{links.IssueIid} {links.IssueUrl}")
            .AppendLine($"RCA: {wiki}")
            .ToString();
        var e = (string value) => WebUtility.HtmlEncode(SecretRedactor.Redact(value));
        var html = new StringBuilder()
            .Append("<html><body>")
            .Append($"<h2>{e(state)}: {e(s.Service)} / {e(s.Target)}</h2>")
            .Append($"<p><strong>{e(s.Summary)}</strong></p>")
            .Append("<ul>")
            .Append($"<li>Severity: <strong>{g.Severity}</strong></li>")
            .Append($"<li>Category: {e(g.Category)}</li>")
            .Append($"<li>Observed: {e(IncidentRenderer.Time(s.ObservedAt))}</li>")
            .Append($"<li>Owner: {e(IncidentRenderer.Owners(incident))}</li>")
            .Append("</ul>")
            .Append($"<p><a href=\"{e(links.IssueUrl)}\">Issue #{links.IssueIid}</a>")
            .Append(links.WikiUrl is null ? " — RCA page not written" : $" — <a href=\"{e(links.WikiUrl)}\">RCA page</a>")
            .Append("</p></body></html>")
            .ToString();
        return new IncidentEmail(subject, html, SecretRedactor.Redact(text));
    }

    /// <summary>A Slack incoming-webhook payload (text plus blocks).</summary>
    public static string Slack(IncidentCase incident, IncidentLinks links)
    {
        var line = Line(incident, links, (url, label) => $"<{url}|{label}>");
        return new JsonObject
        {
            ["text"] = line,
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = line },
            }),
        }.ToJsonString();
    }

    /// <summary>A Teams incoming-webhook payload (an Adaptive Card message).</summary>
    public static string Teams(IncidentCase incident, IncidentLinks links)
    {
        var s = incident.Signal;
        var actions = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = $"Issue #{links.IssueIid}", ["url"] = links.IssueUrl });
        if (links.WikiUrl is not null)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "RCA page", ["url"] = links.WikiUrl });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["weight"] = "Bolder", ["text"] = SecretRedactor.Redact($"[{incident.Grade.Severity}] {Header(s)}: {s.Service} / {s.Target}") },
                new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["text"] = SecretRedactor.Redact(s.Summary) }),
            ["actions"] = actions,
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        }.ToJsonString();
    }

    private static string Header(IncidentSignal s) => s.Kind == SignalKind.Failing ? "Incident" : "Recovered";

    private static string Line(IncidentCase incident, IncidentLinks links, Func<string, string, string> link)
    {
        var s = incident.Signal;
        var wiki = links.WikiUrl is null ? "RCA page not written" : link(links.WikiUrl, "RCA page");
        return SecretRedactor.Redact(
            $"[{incident.Grade.Severity}] {Header(s)}: {s.Service} / {s.Target} — {s.Summary} ({incident.Grade.Category}) · {link(links.IssueUrl, $"issue #{links.IssueIid}")} · {wiki}");
    }
}
