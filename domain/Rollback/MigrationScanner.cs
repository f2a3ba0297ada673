using System.Globalization;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Rollback;

/// <summary>
/// Reads the lines the undone commits added to migration files (SQL, EF Core, Rails, Django) and reports what
/// reverting them cannot undo. A rollback reverts code, not the database: a migration that already ran stays applied.
/// </summary>
public static partial class MigrationScanner
{
    public static IReadOnlyList<MigrationFinding> Scan(IEnumerable<UndoneFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var findings = new List<MigrationFinding>();
        foreach (var file in files.Where(f => !f.Deleted))
        {
            var added = AddedLines(file.Diff);
            var framework = MigrationRules.FrameworkOf(file.Path, added.Select(a => a.Text));
            if (framework is null)
            {
                continue;
            }

            foreach (var (line, text) in added)
            {
                var rule = MigrationRules.For(framework).FirstOrDefault(r => r.Pattern.IsMatch(text) && (r.Unless is null || !r.Unless(text)));
                if (rule is not null)
                {
                    var statement = text.Trim();
                    findings.Add(new MigrationFinding(file.Commit, file.Path, line, framework, rule.Check, rule.Severity,
                        statement.Length > 160 ? statement[..160] + "…" : statement, Reason(rule.Check)));
                }
            }
        }

        return findings;
    }

    /// <summary>The added lines of a unified diff with their line numbers in the new file.</summary>
    internal static IReadOnlyList<(int Line, string Text)> AddedLines(string diff)
    {
        var result = new List<(int, string)>();
        var next = 0;
        foreach (var raw in diff.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var hunk = HunkHeader().Match(line);
            if (hunk.Success)
            {
                next = int.Parse(hunk.Groups[1].Value, CultureInfo.InvariantCulture);
                continue;
            }

            if (next == 0 || line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith('\\'))
            {
                continue;
            }

            if (line.StartsWith('+'))
            {
                result.Add((next++, line[1..]));
            }
            else if (!line.StartsWith('-'))
            {
                next++;
            }
        }

        return result;
    }

    private static string Reason(string check) => check switch
    {
        "drop-table" => "drops a table: the migration has run, so the table and its rows are gone; the rolled-back code still reads it and reverting the file does not bring the data back (restore from a backup or add a forward migration first)",
        "drop-column" => "drops a column: its data is gone once the migration ran; the rolled-back code still reads and writes that column, and reverting the file does not re-create it (a forward migration re-adding it, and a backup restore for the data, must come first)",
        "data-delete" => "deletes rows: deleted data does not come back with a code rollback; only a backup restores it",
        "change-type" => "changes a column's type (possibly narrowing it): values written since may not fit the old type, and the rolled-back code may not read the new one",
        "not-null-without-default" => "makes a column NOT NULL without a default: the rolled-back code does not set it, so its inserts fail while the constraint stays",
        "rename" => "renames a table or column: the rolled-back code uses the old name, which no longer exists until a forward migration renames it back",
        _ => "adds schema: it stays after the rollback (harmless to the old code) unless the down migration runs, which drops whatever was written to it since the deployment",
    };

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")]
    private static partial Regex HunkHeader();
}
