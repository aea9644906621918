using System.Text.Json.Nodes;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Criteria;

public sealed class CandidateEvaluatorTests
{
    private static readonly PerformanceWindow Window = new(new DateOnly(2025, 11, 27), new DateOnly(2026, 11, 27));

    private static DirectoryUser User(string id, string email, string title, string? manager = null, bool enabled = true, string country = "US") =>
        new(id, id, email, email, title, "Sales", country, null, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), enabled, manager);

    private static ProgramDefinition Definition(int maxNominees)
    {
        var json = TestDefinitions.Json();
        json["criteria"]!["mentee"] = new JsonObject
        {
            ["eligibility"] = new JsonArray("tenureMonths >= 12", "winRate > 0.4"),
            ["selection"] = new JsonObject { ["winRate"] = 1.0 },
            ["maxNominees"] = maxNominees,
        };
        json["criteria"]!["mentor"] = new JsonObject
        {
            ["eligibility"] = new JsonArray("isManager"),
            ["selection"] = new JsonObject { ["teamSize"] = 1.0 },
            ["capacity"] = 2,
        };
        return TestDefinitions.Parse(json);
    }

    private static Opportunity Won(string email) => new(email, OpportunityStatus.Won, 100m, new DateOnly(2026, 6, 1));

    private static Opportunity Lost(string email) => new(email, OpportunityStatus.Lost, 100m, new DateOnly(2026, 6, 1));

    [Fact]
    public void Evaluate_SmallCompany_FiltersRanksNominatesAndExplains()
    {
        var users = new[]
        {
            User("m", "max@example.com", "Sales Manager"),
            User("a", "ana@example.com", "Account Executive", manager: "m"),   // 3 won / 1 lost: 0.75
            User("b", "bo@example.com", "Account Executive", manager: "m"),    // 1 / 1: 0.5
            User("c", "cy@example.com", "Account Executive", manager: "m"),    // 0 / 1: 0 → not eligible
            User("d", "di@example.com", "Account Executive", manager: "m", country: "FR"), // outside the target countries
            User("e", "ed@example.com", "Account Executive", manager: "m", enabled: false),
        };
        var deals = new[] { Won("ana@example.com"), Won("ana@example.com"), Won("ana@example.com"), Lost("ana@example.com"),
            Won("bo@example.com"), Lost("bo@example.com"), Lost("cy@example.com"), Won("di@example.com") };
        var metrics = MetricsCalculator.Compute(users, deals, [], Window);

        var candidates = CandidateEvaluator.Evaluate(Definition(maxNominees: 1), users, metrics);

        var mentees = candidates.Where(c => c.Pool == CandidatePool.Mentee).ToDictionary(c => c.Email);
        Assert.Equal(["ana@example.com", "bo@example.com", "cy@example.com"], mentees.Keys.Order());
        Assert.True(mentees["ana@example.com"].Nominated);
        Assert.Equal(1, mentees["ana@example.com"].Rank);
        Assert.False(mentees["bo@example.com"].Nominated);
        Assert.Equal(2, mentees["bo@example.com"].Rank);
        Assert.False(mentees["cy@example.com"].Eligible);
        Assert.Null(mentees["cy@example.com"].Score);
        var failed = Assert.Single(mentees["cy@example.com"].Rules, r => !r.Passed);
        Assert.Equal("winRate > 0.4", failed.Rule);
        Assert.Equal("winRate = 0", failed.Detail);
        var mentor = Assert.Single(candidates, c => c.Pool == CandidatePool.Mentor);
        Assert.Equal("max@example.com", mentor.Email);
        Assert.Equal(1, mentor.Rank);
    }

    [Fact]
    public void InTarget_EmptyFilterLists_DoNotConstrain()
    {
        var target = new TargetPopulation("Everyone", [], [], []);

        Assert.True(CandidateEvaluator.InTarget(User("x", "x@example.com", "Anything"), target));
    }
}
