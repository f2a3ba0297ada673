using System.Globalization;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.Git;

/// <summary>
/// Reads the commits of a range (<c>FROM..TO</c>) from a local repository, bare or cloned, with their
/// changed paths and diffs, as <see cref="CommitEvidence"/>. Merge commits are left out: the commits they
/// carry are in the range themselves.
/// </summary>
public sealed class GitCommitReader(GitCli git)
{
    private const char RecordStart = '\u001e';
    private const char FieldEnd = '\u001f';
    private const char HeaderEnd = '\u001d';

    /// <summary>Each file's diff is cut at this many characters (said so in <see cref="ChangedFile.Truncated"/>).</summary>
    public int MaxDiffChars { get; init; } = 64 * 1024;

    public async Task<IReadOnlyList<CommitEvidence>> ReadRangeAsync(string repository, string range, CancellationToken cancellationToken)
    {
        if (range.StartsWith('-'))
        {
            throw new ArgumentException($"'{range}' is not a revision range", nameof(range));
        }

        var format = $"--format={RecordStart}%H{FieldEnd}%P{FieldEnd}%an{FieldEnd}%ae{FieldEnd}%cI{FieldEnd}%s{FieldEnd}%B{HeaderEnd}";
        var output = await git.RunAsync(repository,
            ["log", "--no-merges", "--no-color", "--no-ext-diff", "--no-textconv", "-M", "-p", format, range, "--"], cancellationToken);
        var commits = new List<CommitEvidence>();
        foreach (var record in output.Split(RecordStart, StringSplitOptions.RemoveEmptyEntries))
        {
            var headerEnd = record.IndexOf(HeaderEnd, StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                continue;
            }

            var fields = record[..headerEnd].Split(FieldEnd);
            var parents = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            commits.Add(new CommitEvidence(
                fields[0],
                fields[5],
                fields[6].Trim(),
                fields[2],
                fields[3].Length == 0 ? null : fields[3],
                DateTimeOffset.Parse(fields[4], CultureInfo.InvariantCulture),
                parents,
                UnifiedDiffParser.Parse(record[(headerEnd + 1)..], MaxDiffChars)));
        }

        return commits;
    }
}
