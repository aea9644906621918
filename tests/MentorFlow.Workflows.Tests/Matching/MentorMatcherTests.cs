using MentorFlow.Workflows.Matching;
using static MentorFlow.Workflows.Tests.Matching.MatchData;

namespace MentorFlow.Workflows.Tests.Matching;

public sealed class MentorMatcherTests
{
    [Fact]
    public void Solve_ManagerAndSkipLevelScoreHighest_PairsWithSomeoneOutsideTheChain()
    {
        var mentee = Person("ic", "lead", "director");
        MentorSlot[] mentors = [Person("lead", "director").AsMentor(score: 1), Person("director").AsMentor(score: 1), Person("other").AsMentor(score: 0.1)];

        var result = MentorMatcher.Solve([mentee], mentors, Weights(mentorScore: 1));

        var pair = Assert.Single(result.Pairs);
        Assert.Equal("other@example.com", pair.MentorEmail);
    }

    [Fact]
    public void Solve_MentorsOwnManagerAsMentee_NotPairedWithTheirReport()
    {
        var manager = Person("manager", "director");
        MentorSlot[] mentors = [Person("report", "manager", "director").AsMentor(score: 1), Person("peer", "director").AsMentor(score: 0)];

        var result = MentorMatcher.Solve([manager], mentors, Weights(mentorScore: 1));

        Assert.Equal("peer@example.com", Assert.Single(result.Pairs).MentorEmail);
    }

    [Fact]
    public void Solve_MentorsOwnManagerOnlyOption_UnmatchedBecauseTheyReportToThem()
    {
        var result = MentorMatcher.Solve([Person("manager")], [Person("report", "manager").AsMentor()], SampleWeights());

        Assert.Empty(result.Pairs);
        Assert.Equal("every mentor with capacity reports to them", Assert.Single(result.Unmatched).Reason);
    }

    [Fact]
    public void Solve_EveryoneInOneChain_AllUnmatchedWithChainReason()
    {
        MatchPerson[] mentees = [Person("manager", "vp", "ceo"), Person("ic", "manager", "vp", "ceo")];
        MentorSlot[] mentors = [Person("ceo").AsMentor(capacity: 3), Person("vp", "ceo").AsMentor(capacity: 3)];

        var result = MentorMatcher.Solve(mentees, mentors, SampleWeights());

        Assert.Empty(result.Pairs);
        Assert.Equal(
            [("ic@example.com", "every mentor with capacity is in their management chain"), ("manager@example.com", "every mentor with capacity is in their management chain")],
            result.Unmatched.Select(u => (u.MenteeEmail, u.Reason)));
        Assert.Equal(0, result.TotalCompatibility);
    }

    [Fact]
    public void Solve_MoreMenteesThanPlaces_CapacityRespectedAndReasonCountsPlaces()
    {
        MatchPerson[] mentees = [.. Enumerable.Range(1, 5).Select(i => Person($"e{i}"))];
        MentorSlot[] mentors = [Person("m").AsMentor(capacity: 2), Person("full").AsMentor(capacity: 0)];

        var result = MentorMatcher.Solve(mentees, mentors, SampleWeights());

        Assert.Equal(["m@example.com", "m@example.com"], result.Pairs.Select(p => p.MentorEmail));
        Assert.Equal(3, result.Unmatched.Count);
        Assert.All(result.Unmatched, u => Assert.Equal("no mentor capacity left (5 mentees, 2 places)", u.Reason));
    }

    [Fact]
    public void Solve_OnlyCompatibleMentorTakenByAnother_ReasonSaysCapacityWentToOthers()
    {
        // Both report to "lead", so "free" is the only mentor either may have, and it has one place of two overall.
        MatchPerson[] mentees = [Person("a", "lead"), Person("b", "lead")];
        MentorSlot[] mentors = [Person("lead").AsMentor(), Person("free").AsMentor()];

        var result = MentorMatcher.Solve(mentees, mentors, SampleWeights());

        Assert.Equal(("a@example.com", "free@example.com"), (Assert.Single(result.Pairs).MenteeEmail, result.Pairs[0].MentorEmail));
        Assert.Equal("all compatible mentors' capacity went to other mentees", Assert.Single(result.Unmatched).Reason);
    }

    [Fact]
    public void Solve_GreedyOrderWouldStrandAMentee_MatchesEveryone()
    {
        // "a" prefers x, but x is the only mentor open to "b" (y is b's manager). Greedy gives x to a and strands b.
        MatchPerson[] mentees = [Person("a"), Person("b", "y")];
        MentorSlot[] mentors = [Person("x").AsMentor(score: 0.9), Person("y").AsMentor(score: 0.8)];

        var solved = MentorMatcher.Solve(mentees, mentors, Weights(mentorScore: 1));
        var greedy = GreedyMatcher.Solve(mentees, mentors, Weights(mentorScore: 1));

        Assert.Equal([("a@example.com", "y@example.com"), ("b@example.com", "x@example.com")], solved.Pairs.Select(p => (p.MenteeEmail, p.MentorEmail)));
        Assert.Single(greedy.Pairs);
        Assert.Equal("b@example.com", Assert.Single(greedy.Unmatched).MenteeEmail);
    }

    [Fact]
    public void Solve_GreedyTakesTheLocalBest_SolverFindsHigherTotal()
    {
        // a (no country): x 0.30, y 0.25. b (DE): x 0.80, y 0.25. Greedy a→x, b→y = 0.55; optimal a→y, b→x = 1.05.
        MatchPerson[] mentees = [Person("a"), Person("b").In("DE")];
        MentorSlot[] mentors = [Person("x").In("DE").AsMentor(score: 0.6), Person("y").In("FR").AsMentor(score: 0.5)];
        var weights = Weights(sameCountry: 1, mentorScore: 1);

        var solved = MentorMatcher.Solve(mentees, mentors, weights);
        var greedy = GreedyMatcher.Solve(mentees, mentors, weights);

        Assert.Equal(0.55, greedy.TotalCompatibility, 9);
        Assert.Equal(1.05, solved.TotalCompatibility, 9);
        Assert.Equal(["y@example.com", "x@example.com"], solved.Pairs.Select(p => p.MentorEmail));
    }

    [Fact]
    public void Solve_MoreCompatibilityByLeavingSomeoneOut_StillMatchesMostMentees()
    {
        // b may only have x (y is b's manager). Max-weight alone would take a→x (1.0) and leave b out; a→y (0) + b→x (0.5) must win.
        MatchPerson[] mentees = [Person("a").In("DE"), Person("b", "y").In("FR")];
        MentorSlot[] mentors = [Person("x").In("DE").AsMentor(score: 1), Person("y").In("FR").AsMentor(score: 0)];
        var weights = Weights(sameCountry: 1, mentorScore: 1);

        var result = MentorMatcher.Solve(mentees, mentors, weights);

        Assert.Equal([("a@example.com", "y@example.com"), ("b@example.com", "x@example.com")], result.Pairs.Select(p => (p.MenteeEmail, p.MentorEmail)));
        Assert.Equal(0.5, result.TotalCompatibility, 9);
    }

    [Fact]
    public void Solve_NoMentees_Empty()
    {
        var result = MentorMatcher.Solve([], [Person("m").AsMentor()], SampleWeights());

        Assert.Equal((0, 0, 0d), (result.Pairs.Count, result.Unmatched.Count, result.TotalCompatibility));
    }

    [Fact]
    public void Solve_NoMentors_AllUnmatchedForCapacity()
    {
        var result = MentorMatcher.Solve([Person("b"), Person("a")], [], SampleWeights());

        Assert.Equal(["a@example.com", "b@example.com"], result.Unmatched.Select(u => u.MenteeEmail));
        Assert.All(result.Unmatched, u => Assert.Equal("no mentor capacity left (2 mentees, 0 places)", u.Reason));
    }

    [Fact]
    public void Solve_AllWeightsZero_StillPairsEveryoneWithEmptyExplanations()
    {
        MatchPerson[] mentees = [Person("a"), Person("b"), Person("c")];

        var result = MentorMatcher.Solve(mentees, [Person("m").AsMentor(capacity: 2), Person("n").AsMentor()], Weights());

        Assert.Equal(3, result.Pairs.Count);
        Assert.All(result.Pairs, p => Assert.Equal((0d, 0), (p.Compatibility, p.Explanation.Count)));
    }

    [Fact]
    public void Solve_ExplanationMatchesCompatibility()
    {
        var mentee = Person("e").In("DE", "Berlin", "Sales");
        var mentor = Person("m").In("DE", "Munich", "Finance").AsMentor(score: 0.7);

        var pair = Assert.Single(MentorMatcher.Solve([mentee], [mentor], SampleWeights()).Pairs);

        var (value, parts) = Compatibility.Of(mentee, mentor, SampleWeights());
        Assert.Equal(value, pair.Compatibility);
        Assert.Equal(parts, pair.Explanation);
        Assert.Equal(pair.Compatibility, pair.Explanation.Sum(p => p.Contribution), 12);
    }

    [Fact]
    public void Solve_IdenticalMenteesMoreThanPlaces_PlacesThoseFirstByEmail()
    {
        MatchPerson[] mentees = [.. new[] { "d", "B", "a", "c" }.Select(id => Person(id, "lead").In("DE", "Berlin", "Sales"))];

        var result = MentorMatcher.Solve(mentees, [Person("m").In("DE").AsMentor(capacity: 2)], SampleWeights());

        Assert.Equal(["a@example.com", "B@example.com"], result.Pairs.Select(p => p.MenteeEmail));
        Assert.Equal(["c@example.com", "d@example.com"], result.Unmatched.Select(u => u.MenteeEmail));
    }

    [Fact]
    public void Solve_SameInputInAnyOrder_SameResult()
    {
        var (mentees, mentors) = RandomInstance(seed: 7, people: 120);

        var first = MentorMatcher.Solve(mentees, mentors, SampleWeights());
        var again = MentorMatcher.Solve(mentees, mentors, SampleWeights());
        var shuffled = MentorMatcher.Solve([.. mentees.Reverse()], [.. mentors.Reverse()], SampleWeights());

        Assert.Equal(Describe(first), Describe(again));
        Assert.Equal(Describe(first), Describe(shuffled));
    }

    [Fact]
    public void Solve_LargerRandomInstance_FeasibleAndNoWorseThanGreedy()
    {
        var (mentees, mentors) = RandomInstance(seed: 11, people: 400);

        var result = MentorMatcher.Solve(mentees, mentors, SampleWeights());
        var greedy = GreedyMatcher.Solve(mentees, mentors, SampleWeights());

        AssertFeasible(mentees, mentors, result);
        Assert.True(result.Pairs.Count >= greedy.Pairs.Count);
        Assert.True(result.Pairs.Count > greedy.Pairs.Count || result.TotalCompatibility >= greedy.TotalCompatibility - 1e-9);
    }

    [Fact]
    public void Solve_DuplicateMenteeEmail_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => MentorMatcher.Solve([Person("a"), Person("A")], [Person("m").AsMentor()], SampleWeights()));

        Assert.Equal("mentees", exception.ParamName);
    }

    /// <summary>A company of a few hundred people: a random tree, some of them mentors, the rest mentees.</summary>
    private static (MatchPerson[] Mentees, MentorSlot[] Mentors) RandomInstance(int seed, int people)
    {
        var random = new Random(seed);
        string[] countries = ["DE", "FR", "US"];
        string[] departments = ["Sales", "Finance", "Engineering"];
        var everyone = new List<MatchPerson>();
        for (var i = 0; i < people; i++)
        {
            // Managers come from the first quarter so far, so chains get a few levels deep.
            var manager = i == 0 ? null : everyone[random.Next(Math.Max(1, i / 4))];
            string[] chain = manager is null ? [] : [manager.Id, .. manager.Chain];
            var country = countries[random.Next(countries.Length)];
            everyone.Add(Person($"p{i}", chain).In(country, $"{country}-{random.Next(2)}", departments[random.Next(departments.Length)]));
        }

        var mentors = everyone.Where((_, i) => i % 4 == 0).Select(p => p.AsMentor(Math.Round(random.NextDouble(), 2), random.Next(0, 4))).ToArray();
        var mentees = everyone.Where((_, i) => i % 4 != 0).ToArray();
        return (mentees, mentors);
    }
}
