using System.Text.Json;
using MentorFlow.Workflows.Approvals;

namespace MentorFlow.Workflows.Tests.Approvals;

/// <summary>The bounce event's payload as orchestration histories hold it: the current shape, and the bare address of before.</summary>
public sealed class ApprovalBounceJsonTests
{
    [Fact]
    public void RoundTrip_EmailAndLevel_Kept()
    {
        var bounce = new ApprovalBounce("lee@example.com", 2);

        var read = JsonSerializer.Deserialize<ApprovalBounce>(JsonSerializer.Serialize(bounce));

        Assert.Equal(bounce, read);
    }

    [Fact]
    public void Read_PascalCaseNames_Accepted()
    {
        Assert.Equal(new ApprovalBounce("lee@example.com", 1), JsonSerializer.Deserialize<ApprovalBounce>("""{"Email":"lee@example.com","Level":1}"""));
    }

    [Fact]
    public void Read_BareAddressOfOlderHistories_CountsAtAnyLevelAsItDidThen()
    {
        var read = JsonSerializer.Deserialize<ApprovalBounce>("\"lee@example.com\"")!;

        Assert.Null(read.Level);
        Assert.True(read.IsFor("max@example.com", 3));
    }

    [Fact]
    public void IsFor_OtherLevelOrAddress_False()
    {
        var bounce = new ApprovalBounce("lee@example.com", 0);

        Assert.True(bounce.IsFor("LEE@example.com", 0));
        Assert.False(bounce.IsFor("lee@example.com", 1));
        Assert.False(bounce.IsFor("max@example.com", 0));
    }
}
