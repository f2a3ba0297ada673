using System.Security.Cryptography;
using System.Text;

namespace RagnarokOps.Functions.Approvals;

/// <summary>The HMAC key that signs approval links, resolved once per process from <see cref="ApprovalOptions.SigningKey"/>.</summary>
internal sealed class ApprovalSigningKey
{
    public const int MinimumBytes = 32;

    private ApprovalSigningKey(byte[] bytes, bool isEphemeral)
    {
        Bytes = bytes;
        IsEphemeral = isEphemeral;
    }

    public byte[] Bytes { get; }

    /// <summary>True when no key was configured: links then stop working when the process ends.</summary>
    public bool IsEphemeral { get; }

    public static ApprovalSigningKey Ephemeral() => new(RandomNumberGenerator.GetBytes(MinimumBytes), isEphemeral: true);

    /// <summary>Reads a configured key: base64 first (as generated keys usually are), then the raw text's UTF-8 bytes.</summary>
    public static bool TryParse(string? configured, out ApprovalSigningKey? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return false;
        }

        var text = configured.Trim();
        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written) && written >= MinimumBytes)
        {
            key = new ApprovalSigningKey(buffer[..written], isEphemeral: false);
            return true;
        }

        var raw = Encoding.UTF8.GetBytes(text);
        if (raw.Length >= MinimumBytes)
        {
            key = new ApprovalSigningKey(raw, isEphemeral: false);
            return true;
        }

        return false;
    }

    /// <summary>The error for a key that is set but too short; it never repeats the key.</summary>
    public static string? Validate(string? configured) =>
        string.IsNullOrWhiteSpace(configured) || TryParse(configured, out _) ? null : TooShort;

    public static string TooShort { get; } =
        $"Approvals:SigningKey is too short: it needs at least {MinimumBytes} bytes, as base64 or as text (for example `openssl rand -base64 32`)";
}
