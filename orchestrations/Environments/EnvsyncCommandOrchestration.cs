using RagnarokOps.Activities.Pipelines;
using Microsoft.DurableTask;
using RagnarokOps.Activities.Environments;

namespace RagnarokOps.Orchestrations.Environments;

/// <summary>
/// One <c>/envsync</c> note command: runs the operation it names (the same orchestrator the timer starts, run inline
/// on this instance's context: the local engine's sidecar cannot start sub-orchestrations on the Azure Storage
/// provider — their history events do not round-trip its tables) and answers with one note on the issue, updated in
/// place on a re-run.
/// </summary>
[DurableTask(Name)]
public sealed class EnvsyncCommandOrchestration : TaskOrchestrator<EnvsyncCommand, EnvsyncOutcome>
{
    public const string Name = nameof(EnvsyncCommandOrchestration);

    public override async Task<EnvsyncOutcome> RunAsync(TaskOrchestrationContext context, EnvsyncCommand input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var project = new ProjectRequest(input.Project);
        var words = input.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        (bool Acted, string Summary, string Body) answer;
        switch (input.Verb)
        {
            case "status" when words.Length == 0:
                var status = await new EnvStatusOrchestration().RunAsync(context, project);
                answer = (status.Report is not null, status.Report is null ? "no status" : $"{status.Report.Environments.Count} environment(s)", EnvsyncAnswers.Status(input, status));
                break;
            case "drift-check" or "drift" when words.Length == 0:
                var drift = await new DriftCheckOrchestration().RunAsync(context, new DriftCheckRequest(input.Project, Publish: true));
                answer = (drift.Report is not null, drift.Report is null ? "no drift report" : $"{drift.Report.UnexpectedCount} unexpected difference(s)", EnvsyncAnswers.Drift(input, drift));
                break;
            case "promote" when PromoteFrom(words, out var from):
                var promote = await new PromoteOrchestration().RunAsync(context, new PromoteRequest(input.Project, from));
                answer = (promote.MergeRequest is not null, promote.MergeRequest is null ? $"refused: {promote.Reason}" : $"!{promote.MergeRequest.Iid}", EnvsyncAnswers.Promote(input, promote));
                break;
            case "doctor" when DoctorPipeline(words, out var pipeline):
                var doctor = await context.CallDiagnoseEnvironmentsAsync(new DoctorRequest(input.Project, pipeline), EnvironmentRetries.Read);
                answer = (doctor.Verdicts.Count > 0, doctor.Verdicts.Count == 0 ? "no verdict" : string.Join(", ", doctor.Verdicts.Select(v => $"{v.Environment}: {v.Cause}")),
                    EnvsyncAnswers.Answer(input, PipelineDoctorAnswer.Markdown(doctor)));
                break;
            default:
                var reason = Refusal(input.Verb, words);
                answer = (false, reason, EnvsyncAnswers.Refused(input, reason));
                break;
        }

        var note = await context.CallAnswerEnvsyncAsync(new EnvsyncAnswerRequest(input, answer.Body), EnvironmentRetries.Write);
        return new EnvsyncOutcome(input.Verb, answer.Acted, answer.Summary, note);
    }

    /// <summary><c>promote</c>, <c>promote dev</c> or <c>promote --from dev</c>.</summary>
    private static bool PromoteFrom(string[] words, out string? from)
    {
        from = words switch
        {
            [] => null,
            ["--from", var env] => env,
            [var env] when !env.StartsWith('-') => env,
            _ => "\0",
        };
        return from != "\0";
    }

    /// <summary><c>doctor</c> (the latest failed environment pipeline) or <c>doctor 123</c>.</summary>
    private static bool DoctorPipeline(string[] words, out long? pipeline)
    {
        pipeline = null;
        if (words.Length == 0)
        {
            return true;
        }

        if (words.Length == 1 && long.TryParse(words[0].TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            pipeline = id;
            return true;
        }

        return false;
    }

    private static string Refusal(string verb, string[] words) => verb switch
    {
        "doctor" => $"/envsync doctor takes [PIPELINE_ID], not '{string.Join(' ', words)}'",
        "" => "no operation named",
        "status" or "drift-check" or "drift" => $"/envsync {verb} takes no arguments, not '{string.Join(' ', words)}'",
        "promote" => $"/envsync promote takes [--from ENV], not '{string.Join(' ', words)}'",
        _ => $"unknown operation '{verb}'",
    };
}
