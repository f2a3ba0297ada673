using System.Text;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Repro;
using Microsoft.DurableTask;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Activities.Repro;

/// <summary>The failing request (from the logs, else the escalation's endpoint) → a repro plan, a curl script and a regression test in the repository's own framework.</summary>
[DurableTask(ActivityNames.BuildReproPlan)]
internal sealed class BuildReproPlanActivity(IGitLabClient gitlab, RepositoryReader repositories, EscalationReader escalations, IArtifactStore artifactStore)
    : TaskActivity<ReproRequest, ReproResult>
{
    public override async Task<ReproResult> RunAsync(TaskActivityContext context, ReproRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caseFile = input.Case;
        var repository = await repositories.LoadAsync(caseFile.Case.ProjectId, CancellationToken.None);
        var request = FailingRequests.FromLogs(input.Evidence.Logs);
        if (request is null)
        {
            var (_, escalation) = await escalations.ReadAsync(caseFile.Case, repository.Policy, CancellationToken.None);
            request = FromEscalation(escalation.Signatures);
        }

        if (request is null)
        {
            return new ReproResult("", null, null, null, new MissingEvidence("repro", "no failing request: the escalation names no endpoint and no logged request failed"));
        }

        var snapshot = await RepositorySnapshots.ReadAsync(gitlab, repositories, repository, caseFile.Case.ProjectId, CancellationToken.None);
        var artifacts = ReproPlanner.Build(new ReproInput(caseFile.Case.InstanceId, caseFile.Service ?? "service", request, snapshot));
        var script = artifacts.Script with { Content = SecretRedactor.Redact(artifacts.Script.Content) };
        var scriptArtifact = ScriptArtifactName(script.Path);
        // A put replaces: a re-run stores the same script again.
        await artifactStore.PutAsync(caseFile.Case.InstanceId, scriptArtifact, Encoding.UTF8.GetBytes(script.Content), "text/x-shellscript", CancellationToken.None);
        return new ReproResult(
            artifacts.PlanMarkdown,
            artifacts.Layout.Framework.ToString(),
            artifacts.RegressionTest.Path,
            artifacts.RegressionTest.Content,
            null,
            Target(request),
            script.Path,
            script.Content,
            scriptArtifact);
    }

    /// <summary><c>repro/checkout_escalation_7.sh</c> → <c>repro-checkout_escalation_7.sh</c>: artifact names are one path segment.</summary>
    internal static string ScriptArtifactName(string scriptPath) => scriptPath.Replace('/', '-');

    /// <summary>"POST /api/checkout" and "500" in the text are enough to replay: no body, the healthy answer is 200.</summary>
    internal static FailingRequest? FromEscalation(ErrorSignatures signatures)
    {
        var endpoint = signatures.Endpoints.FirstOrDefault();
        var space = endpoint?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (endpoint is null || space <= 0)
        {
            return null;
        }

        var actual = signatures.StatusCodes.Where(c => c >= 400).Select(c => (int?)c).FirstOrDefault();
        return new FailingRequest(endpoint[..space], endpoint[(space + 1)..], [], null, 200, actual, null);
    }

    /// <summary>An HTTP method token made of letters only (anything else in a log line is noise), GET when none is left.</summary>
    internal static string Method(string method)
    {
        var letters = new string(method.Trim().ToUpperInvariant().Where(char.IsAsciiLetterUpper).ToArray());
        return letters.Length == 0 ? "GET" : letters;
    }

    internal static ReplayTarget Target(FailingRequest request)
    {
        var contentType = request.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        return new ReplayTarget(
            Method(request.Method),
            SecretRedactor.Redact(request.Path),
            request.Body is null ? null : SecretRedactor.Redact(request.Body),
            contentType,
            request.ExpectedStatus,
            request.ActualStatus,
            request.ActualError is null ? null : SecretRedactor.Redact(request.ActualError));
    }
}
