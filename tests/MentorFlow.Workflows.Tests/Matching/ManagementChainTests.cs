using MentorFlow.Workflows.Matching;
using static MentorFlow.Workflows.Tests.Matching.MatchData;

namespace MentorFlow.Workflows.Tests.Matching;

public sealed class ManagementChainTests
{
    [Theory]
    [InlineData("manager")]
    [InlineData("skip")]
    [InlineData("SKIP")]
    public void Conflicts_MentorInMenteesChain_True(string mentorId)
    {
        Assert.True(ManagementChain.Conflicts(Person("ic", "manager", "skip"), Person(mentorId)));
    }

    [Fact]
    public void Conflicts_MenteeInMentorsChain_True()
    {
        Assert.True(ManagementChain.Conflicts(Person("boss"), Person("report", "lead", "boss")));
    }

    [Fact]
    public void Conflicts_SamePerson_True()
    {
        Assert.True(ManagementChain.Conflicts(Person("a"), Person("A")));
    }

    [Fact]
    public void Conflicts_PeersUnderOneManager_False()
    {
        Assert.False(ManagementChain.Conflicts(Person("a", "manager"), Person("b", "manager")));
    }

    [Fact]
    public void Conflicts_BlankIds_NeverMatch()
    {
        Assert.False(ManagementChain.Conflicts(Person("", " "), Person(" ", "")));
    }
}
