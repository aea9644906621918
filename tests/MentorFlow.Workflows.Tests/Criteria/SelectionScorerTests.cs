using MentorFlow.Workflows.Criteria;

namespace MentorFlow.Workflows.Tests.Criteria;

public sealed class SelectionScorerTests
{
    private static PersonMetrics P(string email, double? winRate, double? revenue) =>
        new(email, email, new Dictionary<string, object?> { [Metrics.WinRate] = winRate, [Metrics.ClosedWonRevenue] = revenue });

    [Fact]
    public void Rank_WeightedMinMax_ScoresAndOrders()
    {
        // winRate 0.2..0.6, revenue 100..300; weights 3:1.
        var pool = new[] { P("a@x.com", 0.2, 300), P("b@x.com", 0.6, 100), P("c@x.com", 0.4, 200) };

        var ranked = SelectionScorer.Rank(pool, new Dictionary<string, double> { [Metrics.WinRate] = 3, [Metrics.ClosedWonRevenue] = 1 });

        Assert.Equal(["b@x.com", "c@x.com", "a@x.com"], ranked.Select(r => r.Person.Email));
        Assert.Equal(0.75, ranked[0].Score, 6);   // 3×1 + 1×0 over 4
        Assert.Equal(0.5, ranked[1].Score, 6);    // 3×0.5 + 1×0.5
        Assert.Equal(0.25, ranked[2].Score, 6);   // 3×0 + 1×1
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
        Assert.Equal(0.75, ranked[0].Contributions.Single(c => c.Metric == Metrics.WinRate).Points, 6);
    }

    [Fact]
    public void Rank_EqualScores_TiesByLowerCaseEmail()
    {
        var pool = new[] { P("Zed@x.com", 0.5, 1), P("amy@x.com", 0.5, 1), P("Bob@x.com", 0.5, 1) };

        var ranked = SelectionScorer.Rank(pool, new Dictionary<string, double> { [Metrics.WinRate] = 1 });

        Assert.Equal(["amy@x.com", "Bob@x.com", "Zed@x.com"], ranked.Select(r => r.Person.Email));
        Assert.All(ranked, r => Assert.Equal(1d, r.Score));
    }

    [Fact]
    public void Rank_MissingValue_CountsAsZero()
    {
        var pool = new[] { P("a@x.com", null, 0), P("b@x.com", 0.5, 0) };

        var ranked = SelectionScorer.Rank(pool, new Dictionary<string, double> { [Metrics.WinRate] = 1 });

        Assert.Equal("b@x.com", ranked[0].Person.Email);
        Assert.Equal(0d, ranked[1].Score);
        Assert.Null(ranked[1].Contributions[0].Value);
    }

    [Fact]
    public void Rank_NoWeights_EveryoneZeroOrderedByEmail()
    {
        var ranked = SelectionScorer.Rank([P("b@x.com", 1, 1), P("a@x.com", 0, 0)], new Dictionary<string, double>());

        Assert.Equal(["a@x.com", "b@x.com"], ranked.Select(r => r.Person.Email));
        Assert.All(ranked, r => Assert.Equal(0d, r.Score));
    }
}
