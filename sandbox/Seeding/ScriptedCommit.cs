using System.Globalization;
using System.Text;
using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>One commit of a generated history: who, when, what message, which files (null content deletes).</summary>
internal sealed record ScriptedCommit(string Key, GitIdentity Author, string Message, IReadOnlyDictionary<string, string?> Files);

/// <summary>Writes a whole scripted history in one <c>git fast-import</c> run (fast and deterministic).</summary>
internal static class FastImport
{
    public static async Task<IReadOnlyDictionary<string, string>> WriteAsync(
        GitRepository repo, string branch, IReadOnlyList<ScriptedCommit> commits, CancellationToken cancellationToken)
    {
        var stream = new StringBuilder();
        for (var i = 0; i < commits.Count; i++)
        {
            var c = commits[i];
            var when = string.Create(CultureInfo.InvariantCulture, $"{c.Author.When.ToUnixTimeSeconds()} +0000");
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\nmark :{i + 1}\n");
            stream.Append(CultureInfo.InvariantCulture, $"author {c.Author.Name} <{c.Author.Email}> {when}\n");
            stream.Append(CultureInfo.InvariantCulture, $"committer {c.Author.Name} <{c.Author.Email}> {when}\n");
            AppendData(stream, c.Message.EndsWith('\n') ? c.Message : c.Message + "\n");
            if (i > 0)
            {
                stream.Append(CultureInfo.InvariantCulture, $"from :{i}\n");
            }

            foreach (var (path, content) in c.Files)
            {
                if (content is null)
                {
                    stream.Append(CultureInfo.InvariantCulture, $"D {path}\n");
                    continue;
                }

                stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline {path}\n");
                AppendData(stream, content);
            }

            stream.Append('\n');
        }

        var marks = Path.Combine(Path.GetTempPath(), $"ragnarok-marks-{Guid.NewGuid():N}");
        try
        {
            await repo.RunAsync(["fast-import", "--quiet", $"--export-marks={marks}"], cancellationToken, stdin: stream.ToString());
            var shas = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in await File.ReadAllLinesAsync(marks, cancellationToken))
            {
                var parts = line.Split(' ');
                shas[commits[int.Parse(parts[0][1..], CultureInfo.InvariantCulture) - 1].Key] = parts[1];
            }

            return shas;
        }
        finally
        {
            File.Delete(marks);
        }
    }

    private static void AppendData(StringBuilder stream, string content) =>
        stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(content)}\n").Append(content).Append('\n');
}
