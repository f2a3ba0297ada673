namespace RagnarokOps.Domain.Incidents;

/// <summary>Who the incident issue is assigned to (GitLab user ids and usernames), or why nobody is.</summary>
/// <param name="Reason">Set when some or all owners could not be assigned, or there was no owner: one clause per owner, or the ownership reason.</param>
public sealed record IncidentAssignment(IReadOnlyList<long> UserIds, IReadOnlyList<string> Usernames, string? Reason)
{
    /// <summary>
    /// Splits the owners (policy or CODEOWNERS syntax) into usernames an issue can be assigned to and the reason each
    /// other one cannot be: a group, a role or an email address is not a GitLab user.
    /// </summary>
    public static (IReadOnlyList<string> Usernames, IReadOnlyList<string> Skipped) Candidates(IEnumerable<string> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var usernames = new List<string>();
        var skipped = new List<string>();
        foreach (var owner in owners.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (owner.StartsWith("@@", StringComparison.Ordinal))
            {
                skipped.Add($"{owner} is a role, not a user");
            }
            else if (owner.StartsWith('@') && owner.Contains('/', StringComparison.Ordinal))
            {
                skipped.Add($"{owner} is a group, not a user");
            }
            else if (owner.StartsWith('@') && owner.Length > 1)
            {
                usernames.Add(owner[1..]);
            }
            else
            {
                skipped.Add($"{owner} is an email address, not a GitLab username");
            }
        }

        return (usernames, skipped);
    }
}
