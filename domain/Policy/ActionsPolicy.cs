using System.Globalization;

namespace RagnarokOps.Domain.Policy;

/// <summary>What RagnarokOps may do on its own in a repository.</summary>
public enum ActionKind
{
    TriageNote,
    Labels,
    RegressionTest,
    Replay,
    DraftMr,
    Revert,
    Rollback,
}

public enum ActionMode
{
    Allow,
    RequireApproval,
    Deny,
}

public enum ActionVerdict
{
    Allowed,
    NeedsApproval,
    Denied,
}

/// <summary>One action's rule: its mode and the confidence below which it is not even proposed.</summary>
/// <param name="Line">Line in .ragnarok.yaml it came from; 0 for a default.</param>
public sealed record ActionRule(ActionMode Mode, double MinConfidence, int Line = 0);

/// <summary>The decision for one action, with the sentence that names the policy rule behind it.</summary>
public sealed record ActionDecision(ActionKind Action, ActionVerdict Verdict, string Reason);

/// <summary>The <c>actions</c> section; actions it does not name keep their safe default.</summary>
public sealed record ActionsPolicy(IReadOnlyDictionary<ActionKind, ActionRule> Rules)
{
    /// <summary>Report only: the triage note is allowed, every write waits for approval.</summary>
    public static ActionsPolicy Default { get; } = new(new Dictionary<ActionKind, ActionRule>
    {
        [ActionKind.TriageNote] = new(ActionMode.Allow, 0),
        [ActionKind.Labels] = new(ActionMode.RequireApproval, 0),
        [ActionKind.RegressionTest] = new(ActionMode.RequireApproval, 0.5),
        [ActionKind.Replay] = new(ActionMode.RequireApproval, 0.5),
        [ActionKind.DraftMr] = new(ActionMode.RequireApproval, 0.8),
        [ActionKind.Revert] = new(ActionMode.RequireApproval, 0.9),
        [ActionKind.Rollback] = new(ActionMode.RequireApproval, 0.9),
    });

    public ActionRule this[ActionKind action] => Rules.TryGetValue(action, out var rule) ? rule : Default.Rules[action];

    /// <summary>Whether <paramref name="action"/> may go ahead at <paramref name="confidence"/>, and which rule says so.</summary>
    public ActionDecision Decide(ActionKind action, double confidence)
    {
        var rule = this[action];
        var name = YamlName(action);
        var source = rule.Line > 0 ? $"actions.{name} (.ragnarok.yaml line {rule.Line})" : $"the default for actions.{name}";
        var c = confidence.ToString("0.00", CultureInfo.InvariantCulture);
        var min = rule.MinConfidence.ToString("0.00", CultureInfo.InvariantCulture);
        if (rule.Mode == ActionMode.Deny)
        {
            return new(action, ActionVerdict.Denied, $"{name} is denied by {source}");
        }

        if (confidence < rule.MinConfidence)
        {
            return new(action, ActionVerdict.Denied, $"{name} needs confidence ≥ {min} ({source}); this case has {c}");
        }

        return rule.Mode == ActionMode.Allow
            ? new(action, ActionVerdict.Allowed, $"{name} is allowed at confidence {c} ≥ {min} by {source}")
            : new(action, ActionVerdict.NeedsApproval, $"{name} at confidence {c} ≥ {min} needs a person's approval ({source})");
    }

    public static string YamlName(ActionKind action) => action switch
    {
        ActionKind.TriageNote => "triage_note",
        ActionKind.Labels => "labels",
        ActionKind.RegressionTest => "regression_test",
        ActionKind.Replay => "replay",
        ActionKind.DraftMr => "draft_mr",
        ActionKind.Revert => "revert",
        ActionKind.Rollback => "rollback",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
