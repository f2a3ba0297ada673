using System.Net;
using Microsoft.Extensions.Options;

namespace RagnarokOps.Functions.Dashboard;

/// <summary>
/// The live dashboard: the page at <c>/</c> (and <c>/{prefix}/ui</c>, the route the Function App can serve), its JSON
/// snapshot at <c>GET /{prefix}/dashboard</c> that the page polls, and <c>POST /{prefix}/triage</c> for its paste box.
/// </summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints, string routePrefix)
    {
        var prefix = string.IsNullOrEmpty(routePrefix) ? string.Empty : "/" + routePrefix;
        endpoints.MapGet("/", (IOptions<DashboardOptions> o) => Page(prefix, o.Value));
        endpoints.MapGet(prefix + "/ui", (IOptions<DashboardOptions> o) => Page(prefix, o.Value));
        endpoints.MapGet(prefix + "/dashboard", SnapshotAsync);
        endpoints.MapPost(prefix + "/triage", (HttpRequest r, IOptions<DashboardOptions> o, CancellationToken ct) => TriageEndpoint.PostAsync(r, o.Value, ct));
        return endpoints;
    }

    public static async Task<IResult> SnapshotAsync(DashboardService dashboard, CancellationToken cancellationToken) =>
        Results.Json(await dashboard.SnapshotAsync(cancellationToken).ConfigureAwait(false));

    public static IResult Page(string apiPrefix, DashboardOptions options) =>
        Results.Content(DashboardPage.Render(apiPrefix, options.RefreshMilliseconds), "text/html; charset=utf-8");
}

/// <summary>The page, embedded in the assembly: no CDN, no files to deploy.</summary>
internal static class DashboardPage
{
    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("RagnarokOps.Functions.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("the dashboard page is missing from the assembly (EmbeddedResource Dashboard/dashboard.html)");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Render(string apiPrefix, int refreshMilliseconds) => Template.Value
        .Replace("{{API}}", WebUtility.HtmlEncode(apiPrefix), StringComparison.Ordinal)
        .Replace("{{REFRESH}}", refreshMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
