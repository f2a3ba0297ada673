using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Repro;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Activities.Tests.Cases;

public sealed class PolicyGatesTests
{
    private static readonly CasePolicy Policy = new(
        new ActionGate(ActionGate.RequireApproval, 0.6, "actions.draft_mr"),
        new ActionGate(ActionGate.RequireApproval, 0.9, "actions.revert"),
        new ActionGate(ActionGate.Allow, 0.5, "actions.replay"),
        "staging",
        TimeSpan.FromHours(24),
        CaseApprovers.Default,
        []);

    private static readonly ReproResult Repro = new("plan", "XUnit", "t.cs", "// t", null, new ReplayTarget("POST", "/api/checkout", null, null, 200, 500, null));

    [Theory]
    [InlineData(0.88, false, "Confidence 0.88 is below 0.90 required by actions.revert: no hotfix is proposed.")]
    [InlineData(0.55, false, "Confidence 0.55 is below 0.60 required by actions.draft_mr: no hotfix is proposed.")]
    [InlineData(0.93, true, "Confidence 0.93 meets 0.60 required by actions.draft_mr and 0.90 required by actions.revert; a person must approve before anything is written.")]
    public void Hotfix_BothGates_ApplyTheirOwnMinimum(double confidence, bool proposed, string reason)
    {
        var decision = PolicyGates.Hotfix(Policy, Top(confidence));

        Assert.Equal(proposed, decision.Proposal is not null);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void Hotfix_AllowStillNeedsAPerson_DenyProposesNothing()
    {
        var allow = Policy with { DraftMergeRequest = new ActionGate(ActionGate.Allow, 0, "a"), Revert = new ActionGate(ActionGate.Allow, 0, "b") };
        var deny = Policy with { DraftMergeRequest = new ActionGate(ActionGate.Deny, 0, "actions.draft_mr") };

        Assert.EndsWith("a person must approve before anything is written.", PolicyGates.Hotfix(allow, Top(0.5)).Reason, StringComparison.Ordinal);
        Assert.Equal("Draft merge requests are denied by actions.draft_mr: no hotfix is proposed.", PolicyGates.Hotfix(deny, Top(0.99)).Reason);
    }

    [Fact]
    public void Replay_EachModeAndMinimum_DecidesAndSaysWhy()
    {
        Assert.Equal(new ReplayGateDecision(ReplayVerdict.Run, "replay against staging is allowed at confidence 0.70 by actions.replay"), PolicyGates.Replay(Policy, 0.7, Repro));
        Assert.Equal(ReplayVerdict.AskApproval, PolicyGates.Replay(Policy with { Replay = new ActionGate(ActionGate.RequireApproval, 0.5, "r") }, 0.7, Repro).Verdict);
        Assert.Equal("not replayed: replay is denied by d", PolicyGates.Replay(Policy with { Replay = new ActionGate(ActionGate.Deny, 0, "d") }, 0.99, Repro).Reason);
        Assert.Equal("not replayed: confidence 0.40 is below 0.50 required by actions.replay", PolicyGates.Replay(Policy, 0.4, Repro).Reason);
        Assert.StartsWith("not replayed: the policy names no environment", PolicyGates.Replay(Policy with { ReplayEnvironment = null }, 0.9, Repro).Reason, StringComparison.Ordinal);
        Assert.Equal("not replayed: no failing request", PolicyGates.Replay(Policy, 0.9, Repro with { Request = null, Missing = new MissingEvidence("repro", "no failing request") }).Reason);
    }

    [Fact]
    public void Describe_ListsUsersGroupsAndTheLevel() =>
        Assert.Equal(
            "@carol, members of acme/sre or anyone with access level 40 (maintainer) or more in the project",
            new CaseApprovers(40, ["carol"], ["acme/sre"], "r").Describe());

    private static HypothesisSummary Top(double confidence) =>
        new("commit", "abc123", "Remove null check", confidence, new ProposedAction("revert", "abc123", "revert abc123"));
}
