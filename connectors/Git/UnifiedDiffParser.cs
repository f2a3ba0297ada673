using System.Text;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.Git;

/// <summary>Splits <c>git log -p</c> output for one commit into files: path, old path, new/deleted, and the diff text.</summary>
public static class UnifiedDiffParser
{
    public static IReadOnlyList<ChangedFile> Parse(string patch, int maxDiffChars)
    {
        var files = new List<ChangedFile>();
        FileBuilder? current = null;
        foreach (var rawLine in patch.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    files.Add(current.Build());
                }

                current = new FileBuilder(maxDiffChars);
                var (a, b) = SplitHeader(line["diff --git ".Length..]);
                current.OldPath = a;
                current.Path = b;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (!current.InHunk)
            {
                if (line.StartsWith("new file mode", StringComparison.Ordinal))
                {
                    current.IsNew = true;
                }
                else if (line.StartsWith("deleted file mode", StringComparison.Ordinal))
                {
                    current.IsDeleted = true;
                }
                else if (line.StartsWith("rename from ", StringComparison.Ordinal))
                {
                    current.OldPath = line["rename from ".Length..];
                }
                else if (line.StartsWith("rename to ", StringComparison.Ordinal))
                {
                    current.Path = line["rename to ".Length..];
                }
                else if (line.StartsWith("+++ b/", StringComparison.Ordinal))
                {
                    current.Path = line["+++ b/".Length..];
                }
                else if (line.StartsWith("--- a/", StringComparison.Ordinal))
                {
                    current.OldPath = line["--- a/".Length..];
                }
                else if (line.StartsWith("@@", StringComparison.Ordinal))
                {
                    current.InHunk = true;
                }
            }

            current.Append(line);
        }

        if (current is not null)
        {
            files.Add(current.Build());
        }

        return files;
    }

    // "a/x y.cs b/x y.cs": both halves are the same length when the path did not change, which is the
    // only ambiguous case (renames are read from "rename from/to").
    private static (string A, string B) SplitHeader(string header)
    {
        var middle = header.Length / 2;
        if (header.StartsWith("a/", StringComparison.Ordinal) && header.Length > middle && header[middle] == ' ')
        {
            return (header[2..middle], header[(middle + 3)..]);
        }

        var split = header.IndexOf(" b/", StringComparison.Ordinal);
        return split < 0 ? (header, header) : (header[2..split], header[(split + 3)..]);
    }

    private sealed class FileBuilder(int maxChars)
    {
        private readonly StringBuilder _diff = new();
        private bool _truncated;

        public string Path { get; set; } = "";

        public string? OldPath { get; set; }

        public bool IsNew { get; set; }

        public bool IsDeleted { get; set; }

        public bool InHunk { get; set; }

        public void Append(string line)
        {
            if (_diff.Length + line.Length + 1 > maxChars)
            {
                _truncated = true;
                return;
            }

            _diff.Append(line).Append('\n');
        }

        public ChangedFile Build()
        {
            var old = IsNew || OldPath == Path ? null : OldPath;
            return new ChangedFile(Path, old, IsNew, IsDeleted, _diff.ToString().TrimEnd('\n') + "\n", _truncated);
        }
    }
}
