using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Web;

/// <summary>
/// A minimal read-only HTML view of what the API's <c>web_url</c>s point at, so the links the demo and the triage note
/// print open something: <c>/{project}/-/issues/{iid}</c> (description and notes) and
/// <c>/{project}/-/merge_requests/{iid}</c> (branches, description and the diff). Every value is HTML-encoded; Markdown
/// is shown as text. Anything else answers GitLab's 404 page text.
/// </summary>
internal static partial class WebPages
{
    public static void Map(WebApplication app) => app.MapGet("/{**path}", (string? path, SandboxContext sb) => Render(path ?? "", sb));

    private static async Task<IResult> Render(string path, SandboxContext sb)
    {
        if (path.StartsWith("api/", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var match = Route().Match(path);
        if (!match.Success || sb.FindProject(match.Groups["project"].Value) is not { } project)
        {
            return Page(StatusCodes.Status404NotFound, "Not found", "<h1>404</h1><p>The sandbox shows issues and merge requests only: <code>/group/project/-/issues/1</code>, <code>/group/project/-/merge_requests/1</code>.</p>");
        }

        var iid = long.Parse(match.Groups["iid"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var isIssue = match.Groups["kind"].Value == "issues";
        var item = sb.Store.List(isIssue ? Kinds.Issue : Kinds.MergeRequest, project.Long("id")).FirstOrDefault(i => i.Long("iid") == iid);
        if (item is null)
        {
            return Page(StatusCodes.Status404NotFound, "Not found", $"<h1>404</h1><p>{E(project.Str("path_with_namespace"))} has no {(isIssue ? "issue #" : "merge request !")}{iid}.</p>");
        }

        var body = new StringBuilder()
            .Append("<p class=\"muted\">").Append(E(project.Str("path_with_namespace"))).Append(isIssue ? " · issue #" : " · merge request !").Append(iid)
            .Append(" · ").Append(E(item.Str("state"))).Append(" · read-only sandbox view</p>")
            .Append("<h1>").Append(E(item.Str("title"))).Append("</h1>");
        var labels = (item["labels"] as JsonArray ?? []).Select(l => l?.ToString()).OfType<string>().ToList();
        if (labels.Count > 0)
        {
            body.Append("<p>").AppendJoin(' ', labels.Select(l => $"<span class=\"label\">{E(l)}</span>")).Append("</p>");
        }

        if (!isIssue)
        {
            body.Append("<p><code>").Append(E(item.Str("source_branch"))).Append("</code> → <code>").Append(E(item.Str("target_branch"))).Append("</code></p>");
        }

        body.Append("<pre>").Append(E(item.Str("description"))).Append("</pre>");
        if (isIssue)
        {
            foreach (var note in sb.Store.List(Kinds.Note, project.Long("id")).Where(n => n.Long("noteable_id") == item.Long("id")).OrderBy(n => n.Long("id")))
            {
                var author = (note["author"] as JsonObject)?.Str("username") ?? "?";
                body.Append("<h3 id=\"note_").Append(note.Long("id")).Append("\">@").Append(E(author)).Append(" · ").Append(E(note.Str("created_at"))).Append("</h3>")
                    .Append("<pre>").Append(E(note.Str("body"))).Append("</pre>");
            }
        }
        else
        {
            var diffs = await sb.Repository(project).DiffAsync(item.Str("target_branch"), item.Str("source_branch"), CancellationToken.None);
            body.Append("<h2>Changes</h2>");
            foreach (var diff in diffs)
            {
                body.Append("<h3>").Append(E(diff.NewPath)).Append("</h3><pre>").Append(E(diff.Diff)).Append("</pre>");
            }
        }

        return Page(StatusCodes.Status200OK, item.Str("title"), body.ToString());
    }

    private static IResult Page(int status, string title, string body) => Results.Content(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + E(title) + " · GitLab sandbox</title><style>"
        + "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f6f8fa;padding:.8rem;border-radius:6px}"
        + ".muted{color:#59636e}.label{background:#ddf4ff;border-radius:1rem;padding:.1rem .6rem;margin-right:.3rem}</style></head><body>" + body + "</body></html>",
        "text/html; charset=utf-8", Encoding.UTF8, status);

    // Encodes <, >, & and quotes only, so diffs and code stay readable (HtmlEncoder also encodes "+").
    private static string E(string text) => System.Net.WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"^(?<project>.+?)/-/(?<kind>issues|merge_requests)/(?<iid>\d+)/?$")]
    private static partial Regex Route();
}
