using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
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
        var range = new Option<string>("--range") { Description = "Commit range, FROM..TO (HEAD~10..HEAD for the last 10 commits)", Required = true };
        var escalation = new Option<FileInfo>("--escalation") { Description = "File with the escalation text (first line is the title)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print {\"suspects\": [...]} as JSON, best first" };
        var top = new Option<int?>("--top") { Description = "Show only the N best suspects (default: all)" };
        var command = new Command("suspects", "Rank the commits of a range as suspects for an escalation, with each commit's reasons");
        command.Options.Add(repo);
        command.Options.Add(range);
        command.Options.Add(escalation);
        command.Options.Add(json);
        command.Options.Add(top);
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var file = result.GetValue(escalation)!;
            var repository = result.GetValue(repo)!;
            var rangeText = result.GetValue(range)!;
            if (RangeProblem(rangeText) is { } problem)
            {
                error.WriteLine($"ragnarok suspects: {problem}");
                return BadInput;
            }

            if (result.GetValue(top) is < 1)
            {
                error.WriteLine($"ragnarok suspects: --top must be 1 or more, got {result.GetValue(top)}");
                return BadInput;
            }

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
            if (result.GetValue(top) is { } n)
            {
                diagnosis = diagnosis with { Hypotheses = diagnosis.Hypotheses.Take(n).ToList() };
            }

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

    /// <summary>Why <paramref name="range"/> is not a FROM..TO range, or null when it is one.</summary>
    internal static string? RangeProblem(string range)
    {
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            return $"--range '{range}' is not a range: give FROM..TO, e.g. v1.4.0..HEAD, or HEAD~10..HEAD for the last 10 commits";
        }

        var from = range[..dots];
        var to = range[(dots + 2)..].TrimStart('.');
        return from.Length == 0 || to.Length == 0
            ? $"--range '{range}' needs both ends: FROM..TO, e.g. {(from.Length == 0 ? "HEAD~10" : from)}..{(to.Length == 0 ? "HEAD" : to)}"
            : null;
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
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
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
