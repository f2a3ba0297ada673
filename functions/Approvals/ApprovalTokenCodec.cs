using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RagnarokOps.Functions.Approvals;

/// <summary>
/// The wire form of a token: <c>v1.&lt;base64url payload&gt;.&lt;base64url HMAC-SHA256&gt;</c>. The MAC covers the version
/// and the payload, so neither can be swapped; the payload is only parsed once the MAC holds.
/// </summary>
internal static class ApprovalTokenCodec
{
    private const string Version = "v1";
    private const int MaxTokenLength = 4096;

    public static string Encode(ApprovalClaims claims, byte[] key)
    {
        var payload = new Payload(claims.InstanceId, claims.Action, claims.ExpiresAt.ToUnixTimeSeconds(), claims.Nonce);
        var signed = $"{Version}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        return $"{signed}.{Base64Url.EncodeToString(Mac(signed, key))}";
    }

    public static ApprovalVerification Decode(string? token, byte[] key)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return new(ApprovalTokenStatus.Malformed);
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !Base64Url.IsValid(parts[1]) || !Base64Url.IsValid(parts[2]))
        {
            return new(ApprovalTokenStatus.Malformed);
        }

        var expected = Mac($"{parts[0]}.{parts[1]}", key);
        var given = Base64Url.DecodeFromChars(parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return new(ApprovalTokenStatus.Forged);
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(parts[1]));
            if (payload is null || string.IsNullOrEmpty(payload.I) || string.IsNullOrEmpty(payload.A) || string.IsNullOrEmpty(payload.N))
            {
                return new(ApprovalTokenStatus.Malformed);
            }

            return new(ApprovalTokenStatus.Valid, new ApprovalClaims(payload.I, payload.A, DateTimeOffset.FromUnixTimeSeconds(payload.E), payload.N));
        }
        catch (Exception e) when (e is JsonException or ArgumentOutOfRangeException)
        {
            return new(ApprovalTokenStatus.Malformed);
        }
    }

    private static byte[] Mac(string signed, byte[] key) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed));

    // Short names keep links short; the record is private to the codec.
    private sealed record Payload(string I, string A, long E, string N);
}
