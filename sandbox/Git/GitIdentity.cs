using System.Globalization;

namespace RagnarokOps.Sandbox.Git;

/// <summary>Who makes a commit and when; becomes git's author and committer environment.</summary>
internal sealed record GitIdentity(string Name, string Email, DateTimeOffset When)
{
    public IReadOnlyDictionary<string, string> ToEnvironment(GitIdentity? committer = null)
    {
        var c = committer ?? this;
        return new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = Name,
            ["GIT_AUTHOR_EMAIL"] = Email,
            ["GIT_AUTHOR_DATE"] = Format(When),
            ["GIT_COMMITTER_NAME"] = c.Name,
            ["GIT_COMMITTER_EMAIL"] = c.Email,
            ["GIT_COMMITTER_DATE"] = Format(c.When),
        };
    }

    private static string Format(DateTimeOffset when) =>
        string.Create(CultureInfo.InvariantCulture, $"@{when.ToUnixTimeSeconds()} +0000");
}
