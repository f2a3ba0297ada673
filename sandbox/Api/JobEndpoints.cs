using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

/// <summary>
/// Project jobs (<c>GET /projects/:id/jobs</c>), newest first, with GitLab's keyset pagination
/// (<c>pagination=keyset</c>: a <c>cursor</c> in the Link rel="next" URL, no totals) or offset pages.
/// </summary>
internal static class JobEndpoints
{
    public static void Map(RouteGroupBuilder project) =>
        project.MapGet("/jobs", (HttpContext http, string id, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);

            var q = http.Request.Query;
            var scopes = q["scope[]"].Concat(q["scope"]).Where(s => !string.IsNullOrEmpty(s)).ToHashSet();
            var jobs = sb.Store.List(Kinds.Job, p.Long("id"))
                .Where(j => scopes.Count == 0 || scopes.Contains(j.Str("status")))
                .OrderByDescending(j => j.Long("id"))
                .ToList();
            if (q["pagination"] != "keyset")
            {
                return Paging.Page(http, jobs.ToList<JsonNode?>());
            }

            var (_, perPage) = Paging.Read(http.Request);
            var before = long.TryParse(q["cursor"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : long.MaxValue;
            var page = jobs.Where(j => j.Long("id") < before).Take(perPage + 1).ToList();
            if (page.Count > perPage)
            {
                var cursor = page[perPage - 1].Long("id").ToString(CultureInfo.InvariantCulture);
                var others = q.Where(x => x.Key != "cursor").SelectMany(x => x.Value.Select(v => $"{Uri.EscapeDataString(x.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
                var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}?{string.Join('&', others.Append($"cursor={cursor}"))}";
                http.Response.Headers["Link"] = $"<{url}>; rel=\"next\"";
            }

            return ApiResults.Json(page.Take(perPage).Select(j => (JsonNode?)j).ToJsonArray());
        });
}
