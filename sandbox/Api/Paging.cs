using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Offset pagination with GitLab's headers: Link, x-page, x-per-page, x-next-page, x-prev-page, x-total.</summary>
internal static class Paging
{
    public static (int Page, int PerPage) Read(HttpRequest request)
    {
        var page = int.TryParse(request.Query["page"], out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(request.Query["per_page"], out var pp) && pp > 0 ? Math.Min(pp, 100) : 20;
        return (page, perPage);
    }

    /// <summary>One page of a list whose size is known; sets the total headers too.</summary>
    public static IResult Page(HttpContext http, IReadOnlyList<JsonNode?> all)
    {
        var (page, perPage) = Read(http.Request);
        var items = all.Skip((page - 1) * perPage).Take(perPage).ToJsonArray();
        var totalPages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var headers = http.Response.Headers;
        headers["x-total"] = all.Count.ToString(CultureInfo.InvariantCulture);
        headers["x-total-pages"] = totalPages.ToString(CultureInfo.InvariantCulture);
        SetHeaders(http, page, perPage, hasNext: page < totalPages, lastPage: totalPages);
        return ApiResults.Json(items);
    }

    /// <summary>
    /// A page of a list whose size is unknown (commits): the caller fetched one item more than a page,
    /// which says whether a next page exists. No totals, as GitLab gives none for commits.
    /// </summary>
    public static IResult PageWithoutTotal(HttpContext http, IReadOnlyList<JsonNode?> pagePlusOne, int page, int perPage)
    {
        SetHeaders(http, page, perPage, hasNext: pagePlusOne.Count > perPage, lastPage: null);
        return ApiResults.Json(pagePlusOne.Take(perPage).ToJsonArray());
    }

    private static void SetHeaders(HttpContext http, int page, int perPage, bool hasNext, int? lastPage)
    {
        var headers = http.Response.Headers;
        headers["x-page"] = page.ToString(CultureInfo.InvariantCulture);
        headers["x-per-page"] = perPage.ToString(CultureInfo.InvariantCulture);
        headers["x-next-page"] = hasNext ? (page + 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
        headers["x-prev-page"] = page > 1 ? (page - 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
        var links = new List<string>();
        if (page > 1)
        {
            links.Add($"<{Url(http, page - 1, perPage)}>; rel=\"prev\"");
        }

        if (hasNext)
        {
            links.Add($"<{Url(http, page + 1, perPage)}>; rel=\"next\"");
        }

        links.Add($"<{Url(http, 1, perPage)}>; rel=\"first\"");
        if (lastPage is { } last)
        {
            links.Add($"<{Url(http, last, perPage)}>; rel=\"last\"");
        }

        headers["Link"] = string.Join(", ", links);
    }

    private static string Url(HttpContext http, int page, int perPage)
    {
        var query = http.Request.Query
            .Where(q => q.Key is not "page" and not "per_page")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .Append($"page={page}")
            .Append($"per_page={perPage}");
        var request = http.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }
}
