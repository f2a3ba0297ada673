using System.Security.Cryptography;
using RagnarokOps.Functions.Approvals;

namespace RagnarokOps.Functions.Tests.Approvals;

public sealed class ApprovalSigningKeyTests
{
    [Fact]
    public void TryParse_Base64OfThirtyTwoBytes_UsesTheDecodedBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);

        Assert.True(ApprovalSigningKey.TryParse(Convert.ToBase64String(bytes), out var key));
        Assert.Equal(bytes, key!.Bytes);
        Assert.False(key.IsEphemeral);
    }

    [Fact]
    public void TryParse_LongRawText_UsesItsUtf8Bytes()
    {
        Assert.True(ApprovalSigningKey.TryParse("a passphrase long enough to sign links!", out var key));
        Assert.Equal("a passphrase long enough to sign links!"u8.ToArray(), key!.Bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("short-key")]
    public void TryParse_EmptyOrShort_IsRefused(string configured) => Assert.False(ApprovalSigningKey.TryParse(configured, out _));

    [Fact]
    public void Validate_ShortKey_ExplainsWithoutRepeatingTheKey()
    {
        var error = ApprovalSigningKey.Validate("hunter2-secret");

        Assert.NotNull(error);
        Assert.Contains("32 bytes", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
        Assert.Null(ApprovalSigningKey.Validate(null));
    }

    [Fact]
    public void Ephemeral_EachTime_IsANewRandomKey()
    {
        var a = ApprovalSigningKey.Ephemeral();
        var b = ApprovalSigningKey.Ephemeral();

        Assert.True(a.IsEphemeral);
        Assert.Equal(ApprovalSigningKey.MinimumBytes, a.Bytes.Length);
        Assert.NotEqual(a.Bytes, b.Bytes);
    }
}
