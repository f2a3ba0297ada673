using System.Security.Cryptography;

namespace RagnarokOps.Functions.Approvals;

/// <summary>Issues approval tokens bound to a case and an action, and checks and redeems them exactly once.</summary>
internal sealed class ApprovalTokenService(ApprovalSigningKey key, IApprovalLedger ledger, TimeProvider time)
{
    /// <summary>Issues a token for <paramref name="action"/> on <paramref name="instanceId"/>, valid for the policy's approval timeout.</summary>
    public IssuedApprovalToken Issue(string instanceId, string action, TimeSpan validFor)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validFor, TimeSpan.Zero);

        var claims = new ApprovalClaims(instanceId, action, time.GetUtcNow().Add(validFor), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        return new IssuedApprovalToken(ApprovalTokenCodec.Encode(claims, key.Bytes), claims);
    }

    /// <summary>
    /// Checks a token without using it up (a page may show it many times). <paramref name="expectedAction"/> is the
    /// action now pending; null skips that check.
    /// </summary>
    public async Task<ApprovalVerification> VerifyAsync(string? token, string instanceId, string? expectedAction, CancellationToken cancellationToken)
    {
        var decoded = ApprovalTokenCodec.Decode(token, key.Bytes);
        if (!decoded.IsValid)
        {
            return decoded;
        }

        var claims = decoded.Claims!;
        // Ordinal, not constant-time: instance and action are not secrets, the signature above was.
        if (!string.Equals(claims.InstanceId, instanceId, StringComparison.Ordinal))
        {
            return decoded with { Status = ApprovalTokenStatus.WrongInstance };
        }

        if (expectedAction is not null && !string.Equals(claims.Action, expectedAction, StringComparison.Ordinal))
        {
            return decoded with { Status = ApprovalTokenStatus.WrongAction };
        }

        if (time.GetUtcNow() >= claims.ExpiresAt)
        {
            return decoded with { Status = ApprovalTokenStatus.Expired };
        }

        return await ledger.FindAsync(claims.Nonce, cancellationToken) is null
            ? decoded
            : decoded with { Status = ApprovalTokenStatus.AlreadyUsed };
    }

    /// <summary>Checks the token and consumes its nonce for <paramref name="decision"/>; of racing redemptions one is valid.</summary>
    public async Task<ApprovalVerification> RedeemAsync(string? token, string instanceId, string? expectedAction, string decision, string decidedBy, CancellationToken cancellationToken)
    {
        var verification = await VerifyAsync(token, instanceId, expectedAction, cancellationToken);
        if (!verification.IsValid)
        {
            return verification;
        }

        return await ledger.TryConsumeAsync(verification.Claims!.Nonce, instanceId, decision, decidedBy, cancellationToken)
            ? verification
            : verification with { Status = ApprovalTokenStatus.AlreadyUsed };
    }

    /// <summary>Gives a consumed nonce back when its decision could not be delivered.</summary>
    public Task ReleaseAsync(ApprovalClaims claims, CancellationToken cancellationToken) => ledger.ReleaseAsync(claims.Nonce, cancellationToken);
}
