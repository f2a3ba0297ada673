using System.Globalization;
using System.Text;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>Builds "path?a=1&amp;b=2" with escaped values, skipping parameters whose value is null.</summary>
internal sealed class GitLabQuery(string path)
{
    private readonly StringBuilder _builder = new(path);
    private bool _hasQuery = path.Contains('?', StringComparison.Ordinal);

    public GitLabQuery Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _builder.Append(_hasQuery ? '&' : '?').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    public GitLabQuery Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public GitLabQuery Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public GitLabQuery Add(string name, DateTimeOffset? value) =>
        Add(name, value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    public override string ToString() => _builder.ToString();
}
