using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Environments;

/// <summary>
/// Dotted config keys (<c>database.host</c>) matched with path-glob rules where '.' is the separator:
/// <c>logging.*</c> is one level under logging, <c>logging.**</c> everything under it.
/// </summary>
public static class KeyPattern
{
    public static string ToPath(string key) => key.Replace('/', '\u2215').Replace('.', '/');

    public static bool IsMatch(string pattern, string key) => Glob.Parse(ToPath(pattern)).IsMatch(ToPath(key));
}
