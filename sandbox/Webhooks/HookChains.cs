using System.Collections.Concurrent;

namespace RagnarokOps.Sandbox.Webhooks;

/// <summary>
/// GitLab's webhook recursion detection: every hook execution joins the chain of the X-Gitlab-Event-UUID it is
/// sent with. An API call that carries a chain's UUID (a receiver acting on the hook) cannot fire a hook that
/// is already in that chain, nor grow the chain past <see cref="Limit"/>; calls without the header start a new
/// chain per execution. Chains live in memory, as GitLab keeps them in Redis for a while.
/// </summary>
internal sealed class HookChains
{
    public const int Limit = 100;

    private static readonly AsyncLocal<string?> RequestUuid = new();
    private readonly ConcurrentDictionary<string, HashSet<long>> _chains = new(StringComparer.Ordinal);

    /// <summary>The X-Gitlab-Event-UUID of the API request being served, if it carried one.</summary>
    public static string? CurrentRequestUuid
    {
        get => RequestUuid.Value;
        set => RequestUuid.Value = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>The event UUID to send <paramref name="hookId"/>'s execution with, or null when GitLab would block it.</summary>
    public string? Join(long hookId)
    {
        var requested = CurrentRequestUuid;
        var uuid = requested ?? Guid.NewGuid().ToString();
        var chain = _chains.GetOrAdd(uuid, _ => []);
        lock (chain)
        {
            if (requested is not null && (chain.Contains(hookId) || chain.Count >= Limit))
            {
                return null;
            }

            chain.Add(hookId);
            return uuid;
        }
    }
}
