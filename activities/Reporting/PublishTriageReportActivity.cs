using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Policy;
using RagnarokOps.Domain.Reporting;
using RagnarokOps.Domain.Repro;
using RagnarokOps.Domain.Timeline;
using Microsoft.DurableTask;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Activities.Reporting;

/// <summary>
/// The triage note: rendered from the full diagnosis, posted once and updated in place on re-runs (found by its
/// marker), labelled with severity and category when the policy allows labels, and saved with the evidence bundle
/// as artifacts of the instance. Everything posted or stored is redacted.
/// </summary>
[DurableTask(ActivityNames.PublishTriageReport)]
internal sealed class PublishTriageReportActivity(IGitLabClient gitlab, CaseDiagnoser diagnoser, IArtifactStore artifacts, ILogger<PublishTriageReportActivity> logger)
    : TaskActivity<TriageReportRequest, PublishedReport>
{
    public const string ReportArtifact = "triage-report.md";
    public const string BundleArtifact = "evidence-bundle.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override async Task<PublishedReport> RunAsync(TaskActivityContext context, TriageReportRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cancellationToken = CancellationToken.None;
        var caseFile = input.Case;
        var caseId = caseFile.Case.InstanceId;
        var analysis = await diagnoser.AnalyseAsync(caseFile, input.Evidence, cancellationToken);
        var timeline = TimelineBuilder.Build(analysis.Escalation, input.Evidence, analysis.Onset, input.Evidence.ConfigDrift);
        var (severity, rules) = TriageFacts.Severity(analysis, input.Evidence, caseFile.Service, caseFile.Environment);
        var owner = TriageFacts.Owner(analysis, input.Evidence, caseFile.Service);
        var missing = TriageFacts.Missing(input.Evidence, input.Repro, input.Replay);
        var gates = LoadPolicyActivity.ToCasePolicy(analysis.Repository.Policy, []);
        var report = new TriageReportInput(
            caseId,
            analysis.Escalation,
            analysis.Onset,
            timeline,
            analysis.Result,
            missing,
            new SeverityInfo(severity.Level.ToString(), severity.Reasons),
            owner,
            TriageFacts.Repro(input.Repro, input.Replay),
            Decision(gates, input),
            PolicyProblems: analysis.Repository.Errors.Select(e => e.ToString()).ToList());

        var rendered = SecretRedactor.Redact(TriageReportRenderer.Render(report));
        var body = rendered + ApprovalSection(input.Approval, input.Approval?.Url, gates.Approvers);

        // The stored copy names the approval but never carries its token.
        var stored = rendered + ApprovalSection(input.Approval, input.Approval is null ? null : "the link in the issue note", gates.Approvers);
        var marker = TriageReportRenderer.Marker(caseId);
        var note = await IssueNotes.UpsertAsync(gitlab, caseFile.Case, marker, body, cancellationToken);
        Log.ReportPublished(logger, note.Id, caseId);
        var noteUrl = await IssueNotes.UrlAsync(gitlab, caseFile.Case, note.Id, cancellationToken);

        if (analysis.Repository.Policy.Actions[ActionKind.Labels].Mode == ActionMode.Allow)
        {
            var category = rules.Count > 0 ? rules[0].Category : analysis.Result.Top?.Kind.ToString().ToLowerInvariant() ?? "unknown";
            await gitlab.UpdateIssueLabelsAsync(caseFile.Case.ProjectId, caseFile.Case.IssueIid, new GitLabLabelChange
            {
                Add = [$"severity::{severity.Level}", $"category::{category}"],
            }, cancellationToken);
        }

        var bundle = SecretRedactor.Redact(JsonSerializer.Serialize(new
        {
            Case = caseFile,
            Timeline = timeline,
            Hypotheses = analysis.Result.Hypotheses,
            analysis.Result.Verdict,
            Onset = analysis.Onset,
            Missing = missing,
            input.Evidence,
            input.Repro,
            input.Replay,
            Severity = severity,
            Owner = owner,
            Report = stored,
        }, Json));
        await artifacts.PutAsync(caseId, BundleArtifact, Encoding.UTF8.GetBytes(bundle), "application/json", cancellationToken);
        await artifacts.PutAsync(caseId, ReportArtifact, Encoding.UTF8.GetBytes(stored), "text/markdown", cancellationToken);
        return new PublishedReport(note.Id, noteUrl, [BundleArtifact, ReportArtifact]);
    }

    /// <summary>Which gate the note's policy line is about: the replay while it waits for its approval, else the hotfix (draft_mr and revert).</summary>
    private static PolicyDecision Decision(CasePolicy gates, TriageReportRequest input)
    {
        if (input.Approval?.Action.StartsWith("replay:", StringComparison.Ordinal) == true)
        {
            return new PolicyDecision("replay", ActionGate.RequireApproval, gates.Replay.Rule, input.PolicyDecision);
        }

        var mode = gates.DraftMergeRequest.Mode == ActionGate.Deny || gates.Revert.Mode == ActionGate.Deny ? ActionGate.Deny : ActionGate.RequireApproval;
        return new PolicyDecision("draft_mr + revert", mode, $"{gates.DraftMergeRequest.Rule}; {gates.Revert.Rule}", input.PolicyDecision);
    }

    /// <summary>Added after redaction: the link's token is the one secret meant for the note (signed, single-use, expiring).</summary>
    private static string ApprovalSection(ApprovalLink? link, string? target, CaseApprovers approvers)
    {
        if (link is null || target is null)
        {
            return "";
        }

        var what = link.Action.StartsWith("replay:", StringComparison.Ordinal) ? "before the failing request is sent to staging" : "before anything is written";
        var where = target.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? $"[what will be done, and the evidence]({target})" : target;
        return new StringBuilder().AppendLine().AppendLine("### Approval").AppendLine()
            .AppendLine($"A person must approve `{link.Action}` {what}. Decide by commenting on this issue:").AppendLine()
            .AppendLine("```").AppendLine("/ragnarok approve [comment]").AppendLine("/ragnarok reject [comment]").AppendLine("```").AppendLine()
            .AppendLine($"GitLab vouches for who wrote the comment; it counts from {approvers.Describe()} ({approvers.Rule}). "
                + $"Review {where} first; the wait ends {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC.")
            .ToString();
    }
}
