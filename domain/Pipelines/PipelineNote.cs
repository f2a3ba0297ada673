using System.Globalization;
using System.Text;

namespace RagnarokOps.Domain.Pipelines;

/// <summary>The one note triage writes on the commit or merge request: each failed job's diagnosis, and the doctor's verdict.</summary>
public static class PipelineNote
{
    public static string MarkerFor(long projectId, long pipelineId) =>
        string.Create(CultureInfo.InvariantCulture, $"<!-- ragnarok:pipeline-triage project={projectId} pipeline={pipelineId} -->");

    public static string Render(PipelineDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var text = new StringBuilder();
        var pipeline = diagnosis.WebUrl is null ? $"#{diagnosis.PipelineId}" : $"[#{diagnosis.PipelineId}]({diagnosis.WebUrl})";
        text.Append(CultureInfo.InvariantCulture, $"### RagnarokOps pipeline triage: pipeline {pipeline} failed on `{diagnosis.Ref}`\n\n");
        if (diagnosis.Jobs.Count == 0)
        {
            text.Append("No failed job could be read");
            text.Append(diagnosis.Problems.Count > 0 ? $": {string.Join("; ", diagnosis.Problems)}.\n\n" : ".\n\n");
        }

        foreach (var job in diagnosis.Jobs)
        {
            var name = job.WebUrl is null ? $"`{job.Name}`" : $"[`{job.Name}`]({job.WebUrl})";
            var novelty = job.Novelty switch
            {
                FailureNovelty.New => "**new failure**",
                FailureNovelty.AlreadyFailing => "**already failing**",
                _ => "new or old unknown",
            };
            text.Append(CultureInfo.InvariantCulture, $"#### Job {name} ({job.Stage ?? "no stage"}): {novelty}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"{job.NoveltyReason}.\n\n");
            if (job.Chunk is null)
            {
                text.Append(CultureInfo.InvariantCulture, $"Diagnosis: none, confidence {PipelineDoctor.Percent(job.Confidence)}: {job.NoChunkReason}.\n\n");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"Diagnosis: **{job.Title}** (`{job.RuleId}`, {job.Category}), confidence **{PipelineDoctor.Percent(job.Confidence)}**");
            text.Append(job.BaselineJobId is { } baseline ? $"; lines the last green run (job {baseline}) also printed were set aside.\n\n" : "; no green run of this job to compare with.\n\n");
            text.Append(CultureInfo.InvariantCulture, $"Failure chunk, log lines {job.ChunkStartLine}–{job.ChunkEndLine}:\n\n```text\n{job.Chunk.TrimEnd()}\n```\n\n");
            if (!string.IsNullOrWhiteSpace(job.Hint))
            {
                text.Append(CultureInfo.InvariantCulture, $"Hint: {job.Hint}\n\n");
            }
        }

        foreach (var verdict in diagnosis.Doctor)
        {
            var cause = verdict.Cause switch
            {
                DoctorCause.Code => "code",
                DoctorCause.Environment => "environment",
                _ => "undetermined",
            };
            text.Append(CultureInfo.InvariantCulture, $"#### Pipeline Doctor ({verdict.Environment}, `{verdict.Job}`): **{cause}**, confidence **{PipelineDoctor.Percent(verdict.Confidence)}**\n\n{verdict.Reason}.\n\n");
            if (verdict.Comparisons.Count > 0)
            {
                text.Append("| environment | pipeline | commit | job | has the failing commit |\n|---|---|---|---|---|\n");
                foreach (var c in verdict.Comparisons)
                {
                    text.Append(CultureInfo.InvariantCulture,
                        $"| {c.Environment} | {(c.PipelineId is { } id ? $"#{id}" : "none")} | {(c.Sha is { Length: > 8 } s ? s[..8] : c.Sha ?? "")} | {c.JobStatus ?? c.Problem ?? "not run"} | {(c.HasCommit ? "yes" : "no")} |\n");
                }

                text.Append('\n');
            }
        }

        if (diagnosis.Jobs.Count > 0 && diagnosis.Problems.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Not read: {string.Join("; ", diagnosis.Problems)}.\n\n");
        }

        text.Append(MarkerFor(diagnosis.ProjectId, diagnosis.PipelineId));
        return text.ToString();
    }
}
