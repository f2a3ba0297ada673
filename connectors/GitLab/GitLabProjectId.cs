using System.Globalization;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>A project as GitLab's :id accepts it: a numeric id or a full path ("group/sub/project"), URL-encoded.</summary>
public readonly record struct GitLabProjectId
{
    private GitLabProjectId(string value) => Value = value;

    /// <summary>The id or path as given.</summary>
    public string Value { get; }

    public static GitLabProjectId FromId(long id) =>
        id > 0 ? new(id.ToString(CultureInfo.InvariantCulture)) : throw new ArgumentOutOfRangeException(nameof(id), "A project id is positive.");

    public static GitLabProjectId FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new(path.Trim('/'));
    }

    public static implicit operator GitLabProjectId(long id) => FromId(id);

    public static implicit operator GitLabProjectId(string idOrPath) =>
        long.TryParse(idOrPath, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? FromId(id) : FromPath(idOrPath);

    /// <summary>The form that goes into a URL path segment ("group%2Fproject").</summary>
    public string UrlSegment => Uri.EscapeDataString(Value ?? throw new InvalidOperationException("Empty project id."));

    public override string ToString() => Value;
}
