using System.Buffers.Text;
using System.Text;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Approvals;

public sealed class ApprovalTokenServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualClock _time = new();
    private readonly ApprovalTokenService _service;

    public ApprovalTokenServiceTests()
    {
        ApprovalSigningKey.TryParse(ApprovalTestHost.SigningKey, out var key);
        _service = new ApprovalTokenService(key!, new SqliteApprovalLedger(_dir.Combine("ledger.db"), _time), _time);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task VerifyAsync_FreshToken_IsValidWithItsClaims()
    {
        var issued = _service.Issue("case-1", "revert:abc", TimeSpan.FromHours(2));

        var verification = await _service.VerifyAsync(issued.Token, "case-1", "revert:abc", CancellationToken.None);

        Assert.Equal(ApprovalTokenStatus.Valid, verification.Status);
        Assert.Equal(issued.Claims with { ExpiresAt = verification.Claims!.ExpiresAt }, verification.Claims);
        Assert.Equal(_time.GetUtcNow().AddHours(2).ToUnixTimeSeconds(), verification.Claims.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public void Issue_TwiceForTheSameCase_GivesDistinctNonces()
    {
        var a = _service.Issue("case-1", "revert:abc", TimeSpan.FromHours(1));
        var b = _service.Issue("case-1", "revert:abc", TimeSpan.FromHours(1));

        Assert.NotEqual(a.Claims.Nonce, b.Claims.Nonce);
        Assert.NotEqual(a.Token, b.Token);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("v2.abc.def")]
    [InlineData("v1.abc")]
    [InlineData("v1.***.def")]
    public async Task VerifyAsync_Garbage_IsMalformed(string token)
    {
        var verification = await _service.VerifyAsync(token, "case-1", null, CancellationToken.None);

        Assert.Equal(ApprovalTokenStatus.Malformed, verification.Status);
        Assert.Null(verification.Claims);
    }

    [Fact]
    public async Task VerifyAsync_PayloadSwappedUnderAnotherSignature_IsForged()
    {
        var mine = _service.Issue("case-1", "revert:abc", TimeSpan.FromHours(1)).Token.Split('.');
        var rewritten = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(Base64Url.DecodeFromChars(mine[1])).Replace("case-1", "case-2", StringComparison.Ordinal)));

        var verification = await _service.VerifyAsync($"v1.{rewritten}.{mine[2]}", "case-2", null, CancellationToken.None);

        Assert.Equal(ApprovalTokenStatus.Forged, verification.Status);
    }

    [Fact]
    public async Task VerifyAsync_TokenFromAnotherKey_IsForged()
    {
        ApprovalSigningKey.TryParse(new string('k', 40), out var otherKey);
        var other = new ApprovalTokenService(otherKey!, new SqliteApprovalLedger(_dir.Combine("other.db"), _time), _time);
        var token = other.Issue("case-1", "revert:abc", TimeSpan.FromHours(1)).Token;

        Assert.Equal(ApprovalTokenStatus.Forged, (await _service.VerifyAsync(token, "case-1", null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task VerifyAsync_AtTheExpiry_IsExpired()
    {
        var token = _service.Issue("case-1", "revert:abc", TimeSpan.FromMinutes(10)).Token;
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.True((await _service.VerifyAsync(token, "case-1", null, CancellationToken.None)).IsValid);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(ApprovalTokenStatus.Expired, (await _service.VerifyAsync(token, "case-1", null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task VerifyAsync_OtherInstanceOrAction_SaysWhich()
    {
        var token = _service.Issue("case-1", "revert:abc", TimeSpan.FromHours(1)).Token;

        Assert.Equal(ApprovalTokenStatus.WrongInstance, (await _service.VerifyAsync(token, "case-2", "revert:abc", CancellationToken.None)).Status);
        Assert.Equal(ApprovalTokenStatus.WrongAction, (await _service.VerifyAsync(token, "case-1", "create-draft-mr", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task RedeemAsync_Twice_SecondIsAlreadyUsedAndVerifySaysSoToo()
    {
        var token = _service.Issue("case-1", "revert:abc", TimeSpan.FromHours(1)).Token;

        var first = await _service.RedeemAsync(token, "case-1", "revert:abc", "approve", "anna", CancellationToken.None);
        var second = await _service.RedeemAsync(token, "case-1", "revert:abc", "reject", "bob", CancellationToken.None);

        Assert.True(first.IsValid);
        Assert.Equal(ApprovalTokenStatus.AlreadyUsed, second.Status);
        Assert.Equal(ApprovalTokenStatus.AlreadyUsed, (await _service.VerifyAsync(token, "case-1", null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task ReleaseAsync_AfterRedeem_MakesTheTokenUsableAgain()
    {
        var token = _service.Issue("case-1", "revert:abc", TimeSpan.FromHours(1)).Token;
        var redeemed = await _service.RedeemAsync(token, "case-1", null, "approve", "anna", CancellationToken.None);

        await _service.ReleaseAsync(redeemed.Claims!, CancellationToken.None);

        Assert.True((await _service.RedeemAsync(token, "case-1", null, "approve", "anna", CancellationToken.None)).IsValid);
    }

    [Fact]
    public void Reason_ForEveryRefusal_IsDistinct()
    {
        var reasons = Enum.GetValues<ApprovalTokenStatus>().Select(s => new ApprovalVerification(s).Reason).ToList();

        Assert.Equal(reasons.Count, reasons.Distinct(StringComparer.Ordinal).Count());
    }
}
