namespace RagnarokOps.Domain.Reporting;

/// <summary>GitLab Markdown helpers: table cells must not break the table, inline text must not become markup.</summary>
internal static class Markdown
{
    public static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Keeps an HTML comment closed: a case id with <c>--&gt;</c> in it must not end the marker early.</summary>
    public static string CommentSafe(string text) => text.Replace("--", "-", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal);

    public static string Link(string text, string? url) => url is null ? text : $"[{text.Replace("]", "\\]", StringComparison.Ordinal)}]({url})";
}
