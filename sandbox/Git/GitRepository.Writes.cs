using System.Collections.Concurrent;
using System.Text;

namespace RagnarokOps.Sandbox.Git;

internal sealed partial class GitRepository
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    private SemaphoreSlim WriteGate => WriteGates.GetOrAdd(GitDir, _ => new SemaphoreSlim(1, 1));

    /// <summary>
    /// Applies file actions on top of <paramref name="branch"/> (or <paramref name="startRef"/> for a new branch)
    /// through a private index, so the bare repository never needs a working tree.
    /// </summary>
    public async Task<string> CommitActionsAsync(
        string branch, string? startRef, string message, IReadOnlyList<GitFileAction> actions, GitIdentity identity, CancellationToken cancellationToken)
    {
        await WriteGate.WaitAsync(cancellationToken);
        var index = Path.Combine(Path.GetTempPath(), $"ragnarok-index-{Guid.NewGuid():N}");
        try
        {
            var env = new Dictionary<string, string>(identity.ToEnvironment()) { ["GIT_INDEX_FILE"] = index };
            var branchHead = await ResolveAsync($"refs/heads/{branch}", cancellationToken);
            var parent = branchHead;
            if (parent is null && startRef is not null)
            {
                parent = await ResolveAsync(startRef, cancellationToken) ?? throw new ArgumentException("You can only create or edit files when you are on a branch");
            }

            await RunAsync(parent is null ? ["read-tree", "--empty"] : ["read-tree", parent], cancellationToken, env: env);
            foreach (var action in actions)
            {
                await ApplyAsync(action, env, cancellationToken);
            }

            var tree = (await RunAsync(["write-tree"], cancellationToken, env: env)).Trim();
            var args = new List<string> { "commit-tree", tree };
            if (parent is not null)
            {
                args.AddRange(["-p", parent]);
            }

            var sha = (await RunAsync(args, cancellationToken, stdin: message, env: env)).Trim();
            await RunAsync(["update-ref", $"refs/heads/{branch}", sha, branchHead ?? new string('0', 40)], cancellationToken);
            return sha;
        }
        finally
        {
            File.Delete(index);
            WriteGate.Release();
        }
    }

    private async Task ApplyAsync(GitFileAction action, IReadOnlyDictionary<string, string> env, CancellationToken cancellationToken)
    {
        var existing = await IndexEntryAsync(action.FilePath, env, cancellationToken);
        switch (action.Action)
        {
            case "create":
                Require(existing is null, "A file with this name already exists");
                await AddAsync(action.FilePath, action.ExecuteFilemode == true ? "100755" : "100644", await BlobAsync(action, env, cancellationToken), env, cancellationToken);
                break;
            case "update":
                Require(existing is not null, "A file with this name doesn't exist");
                await AddAsync(action.FilePath, existing!.Value.Mode, await BlobAsync(action, env, cancellationToken), env, cancellationToken);
                break;
            case "delete":
                Require(existing is not null, "A file with this name doesn't exist");
                await RemoveAsync(action.FilePath, env, cancellationToken);
                break;
            case "move":
                var previous = await IndexEntryAsync(action.PreviousPath ?? string.Empty, env, cancellationToken);
                Require(previous is not null, "A file with this name doesn't exist");
                Require(existing is null, "A file with this name already exists");
                var blob = action.Content is null ? previous!.Value.Blob : await BlobAsync(action, env, cancellationToken);
                await RemoveAsync(action.PreviousPath!, env, cancellationToken);
                await AddAsync(action.FilePath, previous!.Value.Mode, blob, env, cancellationToken);
                break;
            case "chmod":
                Require(existing is not null, "A file with this name doesn't exist");
                await AddAsync(action.FilePath, action.ExecuteFilemode == true ? "100755" : "100644", existing!.Value.Blob, env, cancellationToken);
                break;
            default:
                throw new ArgumentException($"action does not have a valid value: {action.Action}");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }

    private async Task<(string Mode, string Blob)?> IndexEntryAsync(string path, IReadOnlyDictionary<string, string> env, CancellationToken cancellationToken)
    {
        var line = (await RunAsync(["ls-files", "-s", "--", path], cancellationToken, env: env)).Trim();
        if (line.Length == 0 || line.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        var meta = line.Split('\t')[0].Split(' ');
        return (meta[0], meta[1]);
    }

    private async Task<string> BlobAsync(GitFileAction action, IReadOnlyDictionary<string, string> env, CancellationToken cancellationToken)
    {
        var content = action.Content ?? string.Empty;
        if (string.Equals(action.Encoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            content = Encoding.UTF8.GetString(Convert.FromBase64String(content));
        }

        return (await RunAsync(["hash-object", "-w", "--stdin"], cancellationToken, stdin: content, env: env)).Trim();
    }

    // A bare repository has no work tree, so removal goes through --index-info (mode 0 deletes the entry).
    private Task<string> RemoveAsync(string path, IReadOnlyDictionary<string, string> env, CancellationToken cancellationToken) =>
        RunAsync(["update-index", "--index-info"], cancellationToken, stdin: $"0 {new string('0', 40)}\t{path}\n", env: env);

    private Task<string> AddAsync(string path, string mode, string blob, IReadOnlyDictionary<string, string> env, CancellationToken cancellationToken) =>
        RunAsync(["update-index", "--add", "--cacheinfo", $"{mode},{blob},{path}"], cancellationToken, env: env);
}
