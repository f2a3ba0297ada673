using System.Diagnostics;
using System.Globalization;

namespace RagnarokOps.DurableTask.Worker;

/// <summary>Lock owner names (<c>machine:pid:guid</c>) and how to tell that a local owner's process is gone.</summary>
internal static class LockOwners
{
    /// <summary>The suffix of an instance lock kept across an activity (see <see cref="Held"/>).</summary>
    public const string HeldSuffix = "!held";

    public static string NewOwner() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>The owner name of an instance <paramref name="owner"/> holds while its one activity runs.</summary>
    public static string Held(string owner) => owner + HeldSuffix;

    /// <summary>The worker behind an owner name: itself, or the worker holding an instance under <see cref="Held"/>.</summary>
    public static string WorkerOf(string owner) =>
        owner.EndsWith(HeldSuffix, StringComparison.Ordinal) ? owner[..^HeldSuffix.Length] : owner;

    /// <summary>
    /// True only for an owner on this machine whose process no longer runs; owners elsewhere, or whose pid is alive
    /// (even if reused), keep their locks until they expire.
    /// </summary>
    public static bool IsDeadLocalOwner(string owner)
    {
        var parts = WorkerOf(owner).Split(':');
        if (parts.Length != 3 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || IsZombie(pid);
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>
    /// A process killed with SIGKILL whose parent has not reaped it yet still has a pid, but runs no code: Linux shows
    /// it as state Z. Without this check its locks would wait for their expiry.
    /// </summary>
    private static bool IsZombie(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state …"; comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
