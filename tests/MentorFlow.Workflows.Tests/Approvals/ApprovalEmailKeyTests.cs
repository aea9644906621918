using MentorFlow.Workflows.Approvals;

namespace MentorFlow.Workflows.Tests.Approvals;

public class ApprovalEmailKeyTests
{
    [Fact]
    public void Parse_RequestKey_ReturnsProgramAndBatch()
    {
        var key = ApprovalEmailKey.Parse(ApprovalEmailKey.Request("prg-0001", "charter", 1));

        Assert.Equal(new ApprovalEmailKey("prg-0001", "charter", "request"), key);
    }

    [Theory]
    [InlineData("prg-\u0000/charter/request/0")]
    [InlineData("prg-a#b/charter/request/0")]
    [InlineData("../charter/reminder/0/1")]
    [InlineData("prg-0001/charter/other/0")]
    public void Parse_KeyWeNeverIssue_ReturnsNull(string key)
    {
        Assert.Null(ApprovalEmailKey.Parse(key));
    }
}
