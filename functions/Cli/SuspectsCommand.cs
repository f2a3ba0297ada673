using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RagnarokOps.Connectors.Git;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Onset;
using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Functions.Cli;

/// <summary>
/// <c>ragnarok suspects</c>: ranks the commits of a range in a local repository against an escalation text,
/// with the same scorer the escalation flow uses, so an on-call engineer can run it on a laptop.
/// </summary>
internal static class SuspectsCommand
{
    public const int BadInput = 2;

    public static Command Create()
    {
        var repo = new Option<string>("--repo") { Description = "Path to a clone or a bare repository", Required = true };
        var range = new Option<string>("--range") { Description = "Commit range, FROM..TO", Required = true };
        var escalation = new Option<FileInfo>("--escalation") { Description = "File with the escalation text (first line is the title)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print {\"suspects\": [...]} as JSON, best first" };
        var command = new Command("suspects", "Rank the commits of a range as suspects for an escalation, with each commit's reasons");
        command.Options.Add(repo);
        command.Options.Add(range);
        command.Options.Add(escalation);
        command.Options.Add(json);
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var file = result.GetValue(escalation)!;
            var repository = result.GetValue(repo)!;
            if (!file.Exists)
            {
                error.WriteLine($"ragnarok suspects: escalation file not found: {file.FullName}");
                return BadInput;
            }

            if (!Directory.Exists(repository))
            {
                error.WriteLine($"ragnarok suspects: repository not found: {repository}");
                return BadInput;
            }

            IReadOnlyList<CommitEvidence> commits;
            try
            {
                commits = await new GitCommitReader(new GitCli()).ReadRangeAsync(repository, result.GetValue(range)!, ct);
            }
            catch (Exception ex) when (ex is GitException or ArgumentException)
            {
                error.WriteLine($"ragnarok suspects: {ex.Message}");
                return BadInput;
            }

            var text = await File.ReadAllTextAsync(file.FullName, ct);
            var diagnosis = Rank(text, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), commits);
            if (result.GetValue(json))
            {
                WriteJson(output, diagnosis);
            }
            else
            {
                WriteText(output, diagnosis, result.GetValue(range)!, commits.Count);
            }

            return 0;
        });
        return command;
    }

    public static DiagnosisResult Rank(string escalationText, DateTimeOffset writtenAt, IReadOnlyList<CommitEvidence> commits)
    {
        var lines = escalationText.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var titleIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        var title = titleIndex < 0 ? "" : lines[titleIndex].Trim().TrimStart('#').Trim();
        var description = titleIndex < 0 ? "" : string.Join('\n', lines.Skip(titleIndex + 1));
        var escalation = EscalationNormalizer.Normalize(new EscalationInput(title, description, [], [], writtenAt), []);
        var from = commits.Count == 0 ? writtenAt : commits.Min(c => c.CommittedAt);
        var to = commits.Count == 0 ? writtenAt : commits.Max(c => c.CommittedAt).AddMinutes(1);
        var bundle = new EvidenceBundle(new TimeWindow(from, to), null, [], commits, [], [], []);
        // No logs locally: no onset, and no penalty for logs nobody asked for.
        var input = new DiagnosisInput(escalation, bundle, OnsetResult.None("local run: no logs were read"), null, [], [], UseEscalationTime: false);
        return HypothesisScorer.Rank(input);
    }

    private static void WriteText(TextWriter output, DiagnosisResult diagnosis, string range, int commitCount)
    {
        output.WriteLine($"Suspects in {range}: {commitCount} commit(s), merges excluded.");
        output.WriteLine(diagnosis.Verdict);
        foreach (var note in diagnosis.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        foreach (var h in diagnosis.Hypotheses)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{h.Rank}. {h.Reference[..Math.Min(10, h.Reference.Length)]}  confidence {h.Confidence:0.00}  {h.Title}"));
            foreach (var c in h.Contributions)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"     {c.Value,6:+0.00;-0.00;0.00}  {c.Name,-16} {c.Reason}"));
            }
        }
    }

    private static void WriteJson(TextWriter output, DiagnosisResult diagnosis)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("suspects");
            foreach (var h in diagnosis.Hypotheses)
            {
                json.WriteStartObject();
                json.WriteString("sha", h.Reference);
                json.WriteString("subject", h.Title);
                json.WriteNumber("confidence", h.Confidence);
                json.WriteStartArray("contributions");
                foreach (var c in h.Contributions)
                {
                    json.WriteStartObject();
                    json.WriteString("name", c.Name);
                    json.WriteNumber("value", c.Value);
                    json.WriteString("reason", c.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
