namespace RagnarokOps.Connectors.GitLab;

/// <summary>
/// Finds the next page the server names: Link rel="next" first (offset and keyset pagination both give it), then
/// X-Next-Page. Never computes a page number: the commits API returns no totals, and keyset has no numbers at all.
/// </summary>
internal static class GitLabPagination
{
    public static Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (response.Headers.TryGetValues("Link", out var links))
        {
            foreach (var header in links)
            {
                if (FindNext(header) is { } target && Uri.TryCreate(current, target, out var next))
                {
                    // The token goes with the request; follow the server only within the same origin.
                    if (SameOrigin(next, current))
                    {
                        return next;
                    }
                }
            }
        }

        if (response.Headers.TryGetValues("X-Next-Page", out var pages) && pages.FirstOrDefault() is { Length: > 0 } page)
        {
            return WithQueryValue(current, "page", page.Trim());
        }

        return null;
    }

    internal static string? FindNext(string linkHeader)
    {
        // <https://host/api/v4/x?page=2>; rel="next", <…>; rel="last"
        foreach (var part in linkHeader.Split(','))
        {
            var open = part.IndexOf('<', StringComparison.Ordinal);
            var close = part.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close <= open)
            {
                continue;
            }

            var parameters = part[(close + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var parameter in parameters)
            {
                var pair = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
                if (pair.Length == 2 && pair[0].Equals("rel", StringComparison.OrdinalIgnoreCase)
                    && pair[1].Trim('"').Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase))
                {
                    return part[(open + 1)..close].Trim();
                }
            }
        }

        return null;
    }

    internal static Uri WithQueryValue(Uri uri, string name, string value)
    {
        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Split('=', 2)[0].Equals(name, StringComparison.Ordinal))
            .Append($"{name}={Uri.EscapeDataString(value)}");
        return new UriBuilder(uri) { Query = string.Join('&', query) }.Uri;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
