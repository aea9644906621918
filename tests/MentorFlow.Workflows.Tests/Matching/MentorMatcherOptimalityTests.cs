using MentorFlow.Workflows.Matching;
using static MentorFlow.Workflows.Tests.Matching.MatchData;

namespace MentorFlow.Workflows.Tests.Matching;

/// <summary>The solver against exhaustive search on small random instances: same pair count, same total compatibility.</summary>
public sealed class MentorMatcherOptimalityTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_SmallRandomInstance_EqualsBruteForceOptimum(int seed)
    {
        var (mentees, mentors, weights) = SmallInstance(seed);

        var result = MentorMatcher.Solve(mentees, mentors, weights);

        var (pairs, total) = BruteForceMatching.Optimum(mentees, mentors, weights);
        AssertFeasible(mentees, mentors, result);
        Assert.Equal(pairs, result.Pairs.Count);
        Assert.Equal(total, result.TotalCompatibility, 1e-5);
    }

    [Fact]
    public void Solve_SmallRandomInstances_GreedyFallsShortOnSome()
    {
        // Guards the instances above: if greedy were always optimal on them they would not test the optimisation.
        var shortfalls = Enumerable.Range(1, 60).Count(seed =>
        {
            var (mentees, mentors, weights) = SmallInstance(seed);
            var greedy = GreedyMatcher.Solve(mentees, mentors, weights);
            var (pairs, total) = BruteForceMatching.Optimum(mentees, mentors, weights);
            return greedy.Pairs.Count < pairs || greedy.TotalCompatibility < total - 1e-5;
        });

        Assert.InRange(shortfalls, 5, 60);
    }

    /// <summary>
    /// Up to 8 mentees and 8 mentors drawn from 14 people in a random hierarchy (someone may be on both sides),
    /// with capacities 0–3, attributes from small sets (so mentees group together) and random weights, some 0.
    /// </summary>
    private static (MatchPerson[] Mentees, MentorSlot[] Mentors, Dictionary<string, double> Weights) SmallInstance(int seed)
    {
        var random = new Random(seed);
        string?[] countries = ["DE", "de", "FR", null];
        string?[] offices = ["Berlin", "Paris", null];
        string?[] departments = ["Sales", "sales", "Finance", null];
        var people = new List<MatchPerson>();
        for (var i = 0; i < 14; i++)
        {
            var manager = i == 0 || random.Next(4) == 0 ? null : people[random.Next(i)];
            string[] chain = manager is null ? [] : [manager.Id, .. manager.Chain];
            people.Add(Person($"p{i}", chain).In(countries[random.Next(4)], offices[random.Next(3)], departments[random.Next(4)]));
        }

        var mentees = people.OrderBy(_ => random.Next()).Take(random.Next(9)).ToArray();
        var mentors = people.OrderBy(_ => random.Next()).Take(random.Next(9))
            .Select(p => p.AsMentor(score: random.Next(11) / 10.0, capacity: random.Next(4)))
            .ToArray();
        double[] levels = [0, 0.1, 0.3, 0.6, 1];
        var weights = Weights(levels[random.Next(5)], levels[random.Next(5)], levels[random.Next(5)], levels[random.Next(5)]);
        return (mentees, mentors, weights);
    }
}
