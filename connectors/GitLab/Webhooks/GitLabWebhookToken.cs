using System.Security.Cryptography;
using System.Text;

namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>Checks X-Gitlab-Token against the configured secret without leaking, through timing, where they differ.</summary>
public static class GitLabWebhookToken
{
    /// <summary>
    /// True when <paramref name="presented"/> equals <paramref name="expected"/>. Both UTF-8 byte strings are hashed
    /// first so the comparison is fixed-length: FixedTimeEquals alone returns early on a length mismatch, which tells
    /// an attacker the secret's length. An empty or missing expected secret matches nothing.
    /// </summary>
    public static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || presented is null)
        {
            return false;
        }

        Span<byte> presentedHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> expectedHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), presentedHash);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), expectedHash);
        return CryptographicOperations.FixedTimeEquals(presentedHash, expectedHash);
    }
}
