using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Tests.Policy;

public sealed class ActionsPolicyTests
{
    [Fact]
    public void Decide_ConfidenceAndMode_NamesTheRule()
    {
        var policy = PolicyParser.Parse("actions:\n  revert: { mode: allow, min_confidence: 0.7 }\n  rollback: deny\n").GetOrThrow();

        var low = policy.Actions.Decide(ActionKind.Revert, 0.5);
        var high = policy.Actions.Decide(ActionKind.Revert, 0.75);
        var denied = policy.Actions.Decide(ActionKind.Rollback, 1);
        var byDefault = policy.Actions.Decide(ActionKind.DraftMr, 0.85);

        Assert.Equal((ActionVerdict.Denied, "revert needs confidence ≥ 0.70 (actions.revert (.ragnarok.yaml line 2)); this case has 0.50"), (low.Verdict, low.Reason));
        Assert.Equal((ActionVerdict.Allowed, "revert is allowed at confidence 0.75 ≥ 0.70 by actions.revert (.ragnarok.yaml line 2)"), (high.Verdict, high.Reason));
        Assert.Equal(ActionVerdict.Denied, denied.Verdict);
        Assert.Contains("denied by actions.rollback", denied.Reason, StringComparison.Ordinal);
        Assert.Equal(ActionVerdict.NeedsApproval, byDefault.Verdict);
        Assert.Contains("the default for actions.draft_mr", byDefault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_UnnamedAction_FallsBackToDefault()
    {
        var actions = new ActionsPolicy(new Dictionary<ActionKind, ActionRule>());

        Assert.Equal(ActionsPolicy.Default.Rules[ActionKind.Revert], actions[ActionKind.Revert]);
        Assert.Equal("regression_test", ActionsPolicy.YamlName(ActionKind.RegressionTest));
    }
}
