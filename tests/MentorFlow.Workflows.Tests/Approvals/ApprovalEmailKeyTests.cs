using MentorFlow.Workflows.Approvals;

namespace MentorFlow.Workflows.Tests.Approvals;

/// <summary>Approval email keys name the batch and the escalation level the email was sent at, so a bounce finds both.</summary>
public sealed class ApprovalEmailKeyTests
{
    [Fact]
    public void Parse_RequestKey_GivesBatchAndLevel()
    {
        var key = ApprovalEmailKey.Parse(ApprovalEmailKey.Request("prg-1", "leader-lee", 2));

        Assert.Equal(new ApprovalEmailKey("prg-1", "leader-lee", "request", 2), key);
    }

    [Fact]
    public void Parse_ReminderKey_GivesTheLevelItWasSentAt()
    {
        Assert.Equal(1, ApprovalEmailKey.Parse(ApprovalEmailKey.Reminder("prg-1", "leader-lee", 1, 3))?.Level);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("prg-1/kickoff/pair-1")]
    [InlineData("prg-1/leader-lee/request")]
    [InlineData("prg-1/leader-lee/request/x")]
    [InlineData("prg-1/leader-lee/request/-1")]
    [InlineData("prg-../leader-lee/request/0")]
    [InlineData("prg-1?x=y/leader-lee/request/0")]
    [InlineData("prg-1/leader lee'/request/0")]
    [InlineData("prg-1//request/0")]
    public void Parse_OtherKeys_AreNotApprovalEmails(string? key)
    {
        Assert.Null(ApprovalEmailKey.Parse(key));
    }
}
