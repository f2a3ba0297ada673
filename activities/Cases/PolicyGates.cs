using System.Globalization;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Repro;

namespace RagnarokOps.Activities.Cases;

/// <summary>What the replay gate decided: skip it (with the reason), run it now, or ask a person first.</summary>
public enum ReplayVerdict
{
    Skip,
    Run,
    AskApproval,
}

/// <summary>The replay gate's answer and the sentence that names the rule behind it.</summary>
public sealed record ReplayGateDecision(ReplayVerdict Verdict, string Reason);

/// <summary>The hotfix gates' answer: the hypothesis to propose (null: none) and the sentence that names every rule involved.</summary>
public sealed record HotfixGateDecision(HypothesisSummary? Proposal, string Reason);

/// <summary>
/// Every policy gate the escalation passes, pure so the orchestrator stays a list of calls. A hotfix is a revert in a
/// draft merge request, so it passes both <c>draft_mr</c> and <c>revert</c>; because it writes code a person always
/// approves it, even where the policy says <c>allow</c>. A replay passes <c>replay</c>: <c>allow</c> sends it,
/// <c>require_approval</c> waits for a person, <c>deny</c> or too little confidence skips it with the reason.
/// </summary>
public static class PolicyGates
{
    public static HotfixGateDecision Hotfix(CasePolicy policy, HypothesisSummary? top)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (top is null)
        {
            return new(null, "No hypothesis: nothing to propose.");
        }

        if (top.Action is not { Kind: "revert" })
        {
            return new(null, $"The top hypothesis proposes {top.Action?.Kind ?? "no action"}; only reverts become draft merge requests.");
        }

        var c = F(top.Confidence);
        foreach (var (name, gate) in new[] { ("Draft merge requests", policy.DraftMergeRequest), ("Reverts", policy.Revert) })
        {
            if (gate.Mode == ActionGate.Deny)
            {
                return new(null, $"{name} are denied by {gate.Rule}: no hotfix is proposed.");
            }

            if (top.Confidence < gate.MinConfidence)
            {
                return new(null, $"Confidence {c} is below {F(gate.MinConfidence)} required by {gate.Rule}: no hotfix is proposed.");
            }
        }

        return new(top, $"Confidence {c} meets {F(policy.DraftMergeRequest.MinConfidence)} required by {policy.DraftMergeRequest.Rule} "
            + $"and {F(policy.Revert.MinConfidence)} required by {policy.Revert.Rule}; a person must approve before anything is written.");
    }

    /// <param name="confidence">The top hypothesis' confidence (0 when there is none): a replay is worth its risk only when the case is that sure.</param>
    public static ReplayGateDecision Replay(CasePolicy policy, double confidence, ReproResult repro)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(repro);
        var gate = policy.Replay;
        if (repro.Missing is not null || repro.Request is null)
        {
            return new(ReplayVerdict.Skip, $"not replayed: {repro.Missing?.Reason ?? "no failing request to send"}");
        }

        if (policy.ReplayEnvironment is null)
        {
            return new(ReplayVerdict.Skip, "not replayed: the policy names no environment a replay may target (not protected, not production, with a replay_url)");
        }

        if (gate.Mode == ActionGate.Deny)
        {
            return new(ReplayVerdict.Skip, $"not replayed: replay is denied by {gate.Rule}");
        }

        if (confidence < gate.MinConfidence)
        {
            return new(ReplayVerdict.Skip, $"not replayed: confidence {F(confidence)} is below {F(gate.MinConfidence)} required by {gate.Rule}");
        }

        return gate.Mode == ActionGate.Allow
            ? new(ReplayVerdict.Run, $"replay against {policy.ReplayEnvironment} is allowed at confidence {F(confidence)} by {gate.Rule}")
            : new(ReplayVerdict.AskApproval, $"replay against {policy.ReplayEnvironment} at confidence {F(confidence)} needs a person's approval ({gate.Rule})");
    }

    /// <summary>The approval action a replay waits for, as the token and the decision spell it.</summary>
    public static string ReplayAction(string environment) => $"replay:{environment}";

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
