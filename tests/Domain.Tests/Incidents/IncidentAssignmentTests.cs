using RagnarokOps.Domain.Incidents;

namespace RagnarokOps.Domain.Tests.Incidents;

public sealed class IncidentAssignmentTests
{
    [Fact]
    public void Candidates_MixedOwners_KeepsUsernamesAndSaysWhyEachOtherOneIsNoAssignee()
    {
        var (usernames, skipped) = IncidentAssignment.Candidates(["@alice", "@acme/orders-team", "oncall@acme.example", "@@maintainers", "@Alice"]);

        Assert.Equal(["alice"], usernames);
        Assert.Equal(
            ["@acme/orders-team is a group, not a user", "oncall@acme.example is an email address, not a GitLab username", "@@maintainers is a role, not a user"],
            skipped);
    }
}
