using RagnarokOps.Functions.Approvals;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Approvals;

public sealed class InMemoryApprovalRequestsTests
{
    [Fact]
    public async Task GetPendingAsync_PastItsExpiryOrCleared_IsNothing()
    {
        var time = new ManualClock();
        var requests = new InMemoryApprovalRequests(time);
        var request = new ApprovalRequest("revert:abc", "Revert", "evidence", time.GetUtcNow().AddMinutes(5));
        requests.Set("case-1", request);
        requests.Set("case-2", request);

        Assert.Equal(request, await requests.GetPendingAsync("case-1", CancellationToken.None));
        requests.Clear("case-2");
        Assert.Null(await requests.GetPendingAsync("case-2", CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await requests.GetPendingAsync("case-1", CancellationToken.None));
    }
}
