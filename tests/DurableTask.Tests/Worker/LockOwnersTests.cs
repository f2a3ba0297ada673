using System.Diagnostics;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class LockOwnersTests
{
    [Fact]
    public async Task IsDeadLocalOwner_ExitedProcessOnThisMachine_IsTrue()
    {
        using var process = Process.Start(new ProcessStartInfo("sh", "-c true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();

        Assert.True(LockOwners.IsDeadLocalOwner($"{Environment.MachineName}:{process.Id}:abc"));
    }

    [Theory]
    [InlineData("other-machine:1:abc")]
    [InlineData("garbage")]
    public void IsDeadLocalOwner_ForeignOrUnreadableOwner_IsFalse(string owner) =>
        Assert.False(LockOwners.IsDeadLocalOwner(owner));

    [Fact]
    public void IsDeadLocalOwner_ThisProcess_IsFalse() =>
        Assert.False(LockOwners.IsDeadLocalOwner(LockOwners.NewOwner()));
}
