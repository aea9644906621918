using System.Text.Json.Nodes;

namespace MentorFlow.Workflows.Tests.Definitions;

/// <summary>Text must say something, lists that need items have them, every outcome is measurable.</summary>
public class TextAndListRuleTests
{
    [Theory]
    [InlineData("name", "")]
    [InlineData("purpose", "   ")]
    [InlineData("scope", "\t\n")]
    [InlineData("targetPopulation.description", "")]
    [InlineData("targetPopulation.countries[0]", " ")]
    [InlineData("learningOutcomes[0].outcome", "")]
    [InlineData("benefits[0]", " ")]
    [InlineData("programManager.name", "")]
    [InlineData("roles[3].responsibilities[0]", "  ")]
    [InlineData("criteria.mentee.eligibility[1]", "")]
    [InlineData("criteria.mentor.eligibility[0]", " ")]
    [InlineData("sponsorship.leaders[0].name", " ")]
    public void Parse_BlankText_ReportsMustNotBeEmpty(string path, string blank)
    {
        var result = DefinitionBuilder.Valid().Set(path, blank).Parse();

        ProblemAssert.Single(result, path, "must not be empty.");
    }

    [Fact]
    public void Parse_TextWithSurroundingSpaces_KeepsItAsWritten()
    {
        var definition = DefinitionBuilder.Valid()
            .Set("purpose", "  Grow leaders.  ")
            .Set("criteria.mentee.eligibility[0]", " tenureMonths >= 12 ")
            .ParseValid();

        Assert.Equal("  Grow leaders.  ", definition.Purpose);
        Assert.Equal(" tenureMonths >= 12 ", definition.Criteria.Mentee.Eligibility[0]);
    }

    [Theory]
    [InlineData("learningOutcomes")]
    [InlineData("benefits")]
    [InlineData("roles[0].responsibilities")]
    [InlineData("criteria.mentee.eligibility")]
    [InlineData("criteria.mentor.eligibility")]
    public void Parse_RequiredListEmpty_ReportsAtLeastOneItem(string path)
    {
        var result = DefinitionBuilder.Valid().Set(path, new JsonArray()).Parse();

        ProblemAssert.Single(result, path, "must list at least one item.");
    }

    [Fact]
    public void Parse_OutcomeWithoutMeasure_SaysItIsAmbiguous()
    {
        var result = DefinitionBuilder.Valid().Remove("learningOutcomes[0].measure").Parse();

        var problem = ProblemAssert.Single(result, "learningOutcomes[0].measure", "has no measure");
        Assert.StartsWith(
            "Learning outcome 'Lead a weekly pipeline review' has no measure; an outcome without a measure is ambiguous.",
            problem.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SecondOutcomeWithBlankMeasure_ReportsItsIndex()
    {
        var result = DefinitionBuilder.Valid()
            .Add("learningOutcomes", new JsonObject { ["outcome"] = "Forecast within 10%", ["measure"] = "" })
            .Parse();

        ProblemAssert.Single(result, "learningOutcomes[1].measure", "Learning outcome 'Forecast within 10%' has no measure");
    }

    [Fact]
    public void Parse_OutcomeWithNeitherOutcomeNorMeasure_ReportsBoth()
    {
        var result = DefinitionBuilder.Valid().Set("learningOutcomes[0]", new JsonObject()).Parse();

        ProblemAssert.Paths(result, "learningOutcomes[0].outcome", "learningOutcomes[0].measure");
        Assert.StartsWith("This learning outcome has no measure", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("manager")]
    [InlineData("skipLevel")]
    public void Parse_KnownNominationApprover_IsAccepted(string approver)
    {
        var definition = DefinitionBuilder.Valid().Set("criteria.nominationApprover", approver).ParseValid();

        Assert.Equal(approver, definition.Criteria.NominationApprover);
    }

    [Theory]
    [InlineData("Manager")]
    [InlineData("director")]
    public void Parse_UnknownNominationApprover_ListsTheAllowedValues(string approver)
    {
        var result = DefinitionBuilder.Valid().Set("criteria.nominationApprover", approver).Parse();

        ProblemAssert.Single(result, "criteria.nominationApprover", "must be 'manager' or 'skipLevel'");
    }

    [Theory]
    [InlineData("escalate")]
    [InlineData("approve")]
    [InlineData("decline")]
    public void Parse_KnownTimeoutAction_IsAccepted(string action)
    {
        var definition = DefinitionBuilder.Valid().Set("approvals.onTimeout", action).ParseValid();

        Assert.Equal(action, definition.Approvals.OnTimeout);
    }

    [Fact]
    public void Parse_UnknownTimeoutAction_ListsTheAllowedValues()
    {
        var result = DefinitionBuilder.Valid().Set("approvals.onTimeout", "wait").Parse();

        var problem = ProblemAssert.Single(result, "approvals.onTimeout", "must be 'escalate', 'approve' or 'decline'");
        Assert.Contains("'wait'", problem.Message, StringComparison.Ordinal);
    }
}
