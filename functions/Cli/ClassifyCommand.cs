using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Functions.Cli;

/// <summary>
/// <c>ragnarok classify FILE|- [--lines] [--rules EXTRA.yaml] [--baseline GREEN.log]</c>: classifies a CI or service log against the failure
/// rules and prints the matched rules, the severity with its reasons and the failure chunk as JSON.
/// </summary>
internal static class ClassifyCommand
{
    public const int InvalidInput = 2;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The log file, or - to read standard input" };
        var lines = new Option<bool>("--lines") { Description = "Also list every matching line with its rule id" };
        var rules = new Option<FileInfo?>("--rules") { Description = "A rules.yaml whose rules are added to (or replace, by id) the built-in ones" };
        var baseline = new Option<FileInfo?>("--baseline") { Description = "The last green run of the same job: lines it also printed cannot anchor the failure" };
        var command = new Command("classify", "Classify a log: matched failure rules, severity with reasons, and the lines that explain the failure");
        command.Arguments.Add(file);
        command.Options.Add(lines);
        command.Options.Add(rules);
        command.Options.Add(baseline);
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var classifier = FailureClassifier.BuiltIn;
            if (result.GetValue(rules) is { } rulesFile)
            {
                if (!rulesFile.Exists)
                {
                    error.WriteLine($"ragnarok classify: rules file not found: {rulesFile.FullName}");
                    return InvalidInput;
                }

                var (extra, errors) = RuleSet.Parse(File.ReadAllText(rulesFile.FullName), rulesFile.FullName);
                if (errors.Count > 0)
                {
                    foreach (var e in errors)
                    {
                        error.WriteLine(e.ToString());
                    }

                    return InvalidInput;
                }

                classifier = new FailureClassifier(RuleSet.BuiltIn.With(extra));
            }

            var path = result.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                error.WriteLine($"ragnarok classify: log file not found: {Path.GetFullPath(path)}");
                return InvalidInput;
            }

            BaselineLog? green = null;
            if (result.GetValue(baseline) is { } baselineFile)
            {
                if (!baselineFile.Exists)
                {
                    error.WriteLine($"ragnarok classify: baseline log not found: {baselineFile.FullName}");
                    return InvalidInput;
                }

                using var baselineReader = new StreamReader(baselineFile.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                green = BaselineLog.Read(baselineReader);
            }

            var options = new ClassificationOptions(CollectMatches: result.GetValue(lines));
            ClassificationResult classification;
            if (path == "-")
            {
                classification = classifier.Classify(Console.In, green, options);
            }
            else
            {
                using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                classification = classifier.Classify(reader, green, options);
            }

            output.WriteLine(ToJson(classification));
            return 0;
        });
        return command;
    }

    internal static string ToJson(ClassificationResult classification)
    {
        // A log without a failure is not graded: "none" with the reason, never a default P3.
        var severity = LogTriage.Grade(classification);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("lines", classification.Lines);
            json.WriteStartArray("rules");
            foreach (var hit in classification.Rules)
            {
                json.WriteStartObject();
                json.WriteString("id", hit.Rule.Id);
                json.WriteString("category", hit.Rule.Category);
                json.WriteString("title", hit.Rule.Title);
                json.WriteString("severity", hit.Rule.Severity.ToString());
                json.WriteNumber("count", hit.Count);
                json.WriteNumber("firstLine", hit.FirstLine);
                json.WriteNumber("lastLine", hit.LastLine);
                json.WriteBoolean("preventable", hit.Rule.Preventable);
                json.WriteString("hint", hit.Rule.Hint);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("severity");
            json.WriteString("level", severity?.Level.ToString() ?? "none");
            json.WriteStartArray("reasons");
            foreach (var reason in severity?.Reasons ?? [classification.NoChunkReason ?? "no failure found"])
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            if (classification.Chunk is { } chunk)
            {
                json.WriteStartObject("chunk");
                json.WriteString("rule", chunk.RuleId);
                json.WriteNumber("startLine", chunk.StartLine);
                json.WriteNumber("endLine", chunk.EndLine);
                json.WriteBoolean("truncated", chunk.Truncated);
                json.WriteString("text", chunk.Text);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("chunk");
                json.WriteString("reason", classification.NoChunkReason);
            }

            json.WriteStartArray("alerts");
            foreach (var alert in classification.Alerts)
            {
                json.WriteStartObject();
                json.WriteNumber("line", alert.Line);
                json.WriteString("rule", alert.RuleId);
                json.WriteString("category", alert.Category);
                json.WriteString("level", alert.Level);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (classification.BaselineSkipped > 0)
            {
                json.WriteNumber("baselineSkipped", classification.BaselineSkipped);
            }

            if (classification.Warnings is { Count: > 0 } warnings)
            {
                json.WriteStartArray("warnings");
                foreach (var warning in warnings)
                {
                    json.WriteStringValue(warning);
                }

                json.WriteEndArray();
            }

            if (classification.Matches is { } matches)
            {
                json.WriteStartArray("matches");
                foreach (var match in matches)
                {
                    json.WriteStartObject();
                    json.WriteNumber("line", match.Line);
                    json.WriteString("rule", match.RuleId);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
