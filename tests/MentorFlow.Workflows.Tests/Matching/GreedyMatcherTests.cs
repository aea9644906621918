using MentorFlow.Workflows.Matching;
using static MentorFlow.Workflows.Tests.Matching.MatchData;

namespace MentorFlow.Workflows.Tests.Matching;

public sealed class GreedyMatcherTests
{
    [Fact]
    public void Solve_MenteesInGivenOrder_EachTakesTheBestMentorLeft()
    {
        MatchPerson[] mentees = [Person("b"), Person("c"), Person("a")];
        MentorSlot[] mentors = [Person("best").AsMentor(score: 0.9), Person("next").AsMentor(score: 0.5), Person("last").AsMentor(score: 0.1)];

        var result = GreedyMatcher.Solve(mentees, mentors, Weights(mentorScore: 1));

        Assert.Equal(
            [("a@example.com", "last@example.com"), ("b@example.com", "best@example.com"), ("c@example.com", "next@example.com")],
            result.Pairs.Select(p => (p.MenteeEmail, p.MentorEmail)));
    }

    [Fact]
    public void Solve_EqualMentors_TiesByMentorEmail()
    {
        var result = GreedyMatcher.Solve([Person("e")], [Person("b").AsMentor(), Person("a").AsMentor()], SampleWeights());

        Assert.Equal("a@example.com", Assert.Single(result.Pairs).MentorEmail);
    }

    [Fact]
    public void Solve_ManagerIsTheOnlyMentor_UnmatchedWithChainReason()
    {
        var result = GreedyMatcher.Solve([Person("ic", "lead")], [Person("lead").AsMentor()], SampleWeights());

        Assert.Equal("every mentor with capacity is in their management chain", Assert.Single(result.Unmatched).Reason);
    }
}
