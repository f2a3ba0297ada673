using RagnarokOps.Functions.Approvals;

namespace RagnarokOps.Functions.Tests.Approvals;

public sealed class ApprovalSubmissionTests
{
    [Theory]
    [InlineData("approve", true)]
    [InlineData(" APPROVE ", true)]
    [InlineData("Reject", false)]
    [InlineData("yes", null)]
    [InlineData(null, null)]
    public void Approved_Decision_IsReadLeniently(string? decision, bool? expected) =>
        Assert.Equal(expected, new ApprovalSubmission("t", decision, null, null).Approved);

    [Fact]
    public void DecidedByAndComment_BlankOrLong_AreDefaultedAndClipped()
    {
        var blank = new ApprovalSubmission("t", "approve", "   ", " ");
        var lengthy = new ApprovalSubmission("t", "approve", new string('c', 5000), new string('b', 500));

        Assert.Equal(ApprovalSubmission.DefaultBy, blank.DecidedBy);
        Assert.Null(blank.CleanComment);
        Assert.Equal(ApprovalSubmission.MaxCommentLength, lengthy.CleanComment!.Length);
        Assert.Equal(ApprovalSubmission.MaxByLength, lengthy.DecidedBy.Length);
    }
}
