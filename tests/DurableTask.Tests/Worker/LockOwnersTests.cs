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
        Assert.True(LockOwners.IsDeadLocalOwner(LockOwners.Held($"{Environment.MachineName}:{process.Id}:abc")));
    }

    [Fact]
    public async Task IsDeadLocalOwner_KilledProcessNotYetReaped_IsTrue()
    {
        // The shell prints its background child's pid and becomes sleep, which never reaps it: the child, still running
        // at the exec, exits a moment later and stays a zombie.
        using var parent = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 0.2 & echo $!; exec sleep 10"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        })!;
        try
        {
            var pid = int.Parse((await parent.StandardOutput.ReadLineAsync())!, System.Globalization.CultureInfo.InvariantCulture);
            await TaskHubFile.WaitUntilAsync(
                () => Task.FromResult(File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1].StartsWith('Z')), TimeSpan.FromSeconds(5));

            Assert.True(LockOwners.IsDeadLocalOwner($"{Environment.MachineName}:{pid}:abc"));
        }
        finally
        {
            parent.Kill();
        }
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
