using RagnarokOps.Functions.Approvals;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Approvals;

public sealed class SqliteApprovalLedgerTests
{
    [Fact]
    public async Task TryConsumeAsync_SameNonceTwice_OnlyTheFirstWins()
    {
        using var dir = new TempDirectory();
        var ledger = new SqliteApprovalLedger(dir.Combine("a", "ledger.db"), new ManualClock());

        Assert.True(await ledger.TryConsumeAsync("n1", "case-1", "approve", "anna", CancellationToken.None));
        Assert.False(await ledger.TryConsumeAsync("n1", "case-1", "reject", "bob", CancellationToken.None));
        Assert.True(await ledger.TryConsumeAsync("n2", "case-1", "reject", "bob", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_FromANewInstanceOnTheSameFile_ReturnsWhoAndWhen()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        await new SqliteApprovalLedger(dir.Combine("ledger.db"), time).TryConsumeAsync("n1", "case-1", "approve", "anna", CancellationToken.None);

        var reopened = new SqliteApprovalLedger(dir.Combine("ledger.db"), time);
        var entry = await reopened.FindAsync("n1", CancellationToken.None);

        Assert.Equal(new ApprovalLedgerEntry("n1", "case-1", "approve", "anna", time.GetUtcNow()), entry);
        Assert.False(await reopened.TryConsumeAsync("n1", "case-1", "approve", "anna", CancellationToken.None));
        Assert.Null(await reopened.FindAsync("n2", CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeAsync_RacingLedgersOnOneFile_ExactlyOneWins()
    {
        using var dir = new TempDirectory();
        var ledgers = Enumerable.Range(0, 6).Select(_ => new SqliteApprovalLedger(dir.Combine("ledger.db"), new ManualClock())).ToList();

        var results = await Task.WhenAll(ledgers.Select(l => Task.Run(() => l.TryConsumeAsync("n1", "case-1", "approve", "x", CancellationToken.None))));

        Assert.Single(results, won => won);
    }
}
