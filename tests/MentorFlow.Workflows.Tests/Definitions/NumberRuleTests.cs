using System.Text.Json.Nodes;

namespace MentorFlow.Workflows.Tests.Definitions;

/// <summary>Counts are positive whole numbers; weights are non-negative and not all zero.</summary>
public class NumberRuleTests
{
    [Theory]
    [InlineData("criteria.mentee.maxNominees", "1.5", "must be a whole number; 1.5 is not.")]
    [InlineData("criteria.mentor.capacity", "0", "must be at least 1; 0 is not.")]
    [InlineData("pilot.pairs", "-3", "must be at least 1; -3 is not.")]
    [InlineData("pilot.pairs", "2.5", "must be a whole number")]
    [InlineData("criteria.mentee.maxNominees", "3000000000", "must be a whole number from 1 to 2147483647")]
    [InlineData("criteria.mentee.maxNominees", "1e400", "must be a whole number from 1 to 2147483647")]
    public void Parse_BadCount_ReportsWhyAtItsPath(string path, string number, string expected)
    {
        var result = DefinitionBuilder.Valid().Set(path, JsonNode.Parse(number)).Parse();

        ProblemAssert.Single(result, path, expected);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("2.0", 2)]
    [InlineData("1e1", 10)]
    public void Parse_WholeNumberCount_IsAccepted(string number, int expected)
    {
        var definition = DefinitionBuilder.Valid().Set("pilot.pairs", JsonNode.Parse(number)).ParseValid();

        Assert.Equal(expected, definition.Pilot.Pairs);
    }

    [Theory]
    [InlineData("criteria.mentee.selection.winRate")]
    [InlineData("criteria.mentor.selection.tenureMonths")]
    [InlineData("matching.sameCountry")]
    public void Parse_NegativeWeight_ReportsIt(string path)
    {
        var result = DefinitionBuilder.Valid().Set(path, -0.1).Parse();

        ProblemAssert.Single(result, path, "weights must be zero or more.");
    }

    [Theory]
    [InlineData("criteria.mentee.selection")]
    [InlineData("criteria.mentor.selection")]
    [InlineData("matching")]
    public void Parse_AllWeightsZero_ReportsTheMap(string path)
    {
        var result = DefinitionBuilder.Valid()
            .Set(path, new JsonObject { ["sameCountry"] = 0, ["mentorScore"] = 0.0 })
            .Parse();

        ProblemAssert.Single(result, path, "are zero; give at least one a positive weight.");
    }

    [Fact]
    public void Parse_SomeWeightsZero_IsAccepted()
    {
        var definition = DefinitionBuilder.Valid().ParseValid();

        Assert.Equal(0.0, definition.Matching["sameOffice"]);
        Assert.Equal(4, definition.Matching.Count);
    }

    [Fact]
    public void Parse_UnknownMatchingFactor_ListsTheFactors()
    {
        var result = DefinitionBuilder.Valid().Set("matching.sameTimezone", 0.2).Parse();

        var problem = ProblemAssert.Single(result, "matching.sameTimezone", "Unknown matching factor 'sameTimezone'");
        Assert.Contains("sameCountry, sameOffice, differentDepartment and mentorScore", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MatchingWithSomeFactors_KeepsOnlyThose()
    {
        var definition = DefinitionBuilder.Valid().Set("matching", new JsonObject { ["mentorScore"] = 1 }).ParseValid();

        Assert.Equal(1.0, Assert.Single(definition.Matching).Value);
    }

    [Fact]
    public void Parse_SelectionOfNumericMetrics_IsAccepted()
    {
        var definition = DefinitionBuilder.Valid()
            .Set("criteria.mentee.selection", new JsonObject { ["winRate"] = 1, ["pipelineValue"] = 2 })
            .ParseValid();

        Assert.Equal(["winRate", "pipelineValue"], definition.Criteria.Mentee.Selection.Keys);
    }

    [Fact]
    public void Parse_SelectionOfUnknownOrTextMetric_ReportsEachAtItsPath()
    {
        var result = DefinitionBuilder.Valid()
            .Set("criteria.mentor.selection", new JsonObject { ["customerNps"] = 1, ["country"] = 2 })
            .Parse();

        Assert.Equal(
            ["criteria.mentor.selection.country", "criteria.mentor.selection.customerNps"],
            result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_BlankSelectionName_ReportsIt()
    {
        var result = DefinitionBuilder.Valid().Set("criteria.mentee.selection", new JsonObject { [" "] = 1 }).Parse();

        ProblemAssert.Single(result, "criteria.mentee.selection[' ']", "needs a non-empty name");
    }

    [Fact]
    public void Parse_SeveralBadWeights_ReportsEachAndNotTheTotal()
    {
        var result = DefinitionBuilder.Valid()
            .Set("criteria.mentee.selection", new JsonObject { ["a"] = -1, ["b"] = "high", ["c"] = 0 })
            .Parse();

        ProblemAssert.Paths(result, "criteria.mentee.selection.a", "criteria.mentee.selection.b");
    }
}
