using System.Globalization;
using System.Text;
using RagnarokOps.Domain.Pipelines;

namespace RagnarokOps.Activities.Pipelines;

/// <summary>The Pipeline Doctor's verdicts as Markdown lines, for the <c>/envsync doctor</c> answer note.</summary>
public static class PipelineDoctorAnswer
{
    public static string Markdown(PipelineDoctorOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        if (outcome.Diagnosis is { } diagnosis)
        {
            text.Append(CultureInfo.InvariantCulture, $"Pipeline #{diagnosis.PipelineId} on `{diagnosis.Ref}`:\n");
        }

        foreach (var verdict in outcome.Verdicts)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"- **{verdict.Environment} / {verdict.Job}: {verdict.Cause.ToString().ToLowerInvariant()}** ({PipelineDoctor.Percent(verdict.Confidence)}) — {verdict.Reason}\n");
            foreach (var difference in verdict.ConfigDifferences)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - `{difference.Key}`: `{difference.BaseValue}` → `{difference.Value}`\n");
            }
        }

        if (outcome.Diagnosis is not null && outcome.Verdicts.Count == 0)
        {
            text.Append("No verdict: the pipeline is not on an environment branch of envsync.yaml, or no other environment ran the job.\n");
        }

        foreach (var problem in outcome.Problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"- No diagnosis: {problem}\n");
        }

        return text.ToString();
    }
}
