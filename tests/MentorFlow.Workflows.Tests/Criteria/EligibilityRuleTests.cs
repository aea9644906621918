using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Tests.Definitions;

namespace MentorFlow.Workflows.Tests.Criteria;

public sealed class EligibilityRuleTests
{
    private static PersonMetrics Person(params (string Metric, object? Value)[] values) =>
        new("ana@example.com", "Ana", values.ToDictionary(v => v.Metric, v => v.Value));

    [Theory]
    [InlineData("quotaAttainment >= 1.0")]
    [InlineData("tenureMonths >= 12 and winRate > 0.3")]
    [InlineData("isManager")]
    [InlineData("country in ('US','CA')")]
    [InlineData("not isManager or teamSize < 3")]
    [InlineData("Abs(pipelineValue) > 1000")]
    public void Check_ValidRule_HasNoProblems(string rule) => Assert.Empty(EligibilityRule.Check(rule));

    [Fact]
    public void Check_UnknownMetric_NamesItAndSuggests()
    {
        var problems = EligibilityRule.Check("quotaattainment >= 1 and nps > 7");

        Assert.Contains(problems, p => p.Contains("did you mean 'quotaAttainment'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("'nps' is not a metric", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tenureMonths >= ")]
    [InlineData("quotaAttainment >= 1.0 and")]
    [InlineData("((winRate > 1)")]
    public void Check_SyntaxError_SaysNotValid(string rule) =>
        Assert.Contains("is not a valid rule", Assert.Single(EligibilityRule.Check(rule)), StringComparison.Ordinal);

    [Fact]
    public void Check_NotBoolean_Reported() =>
        Assert.Contains("true or false", Assert.Single(EligibilityRule.Check("winRate + 1")), StringComparison.Ordinal);

    [Fact]
    public void Check_UnknownFunction_Reported() =>
        Assert.Contains("'Foo' is not a function", Assert.Single(EligibilityRule.Check("Foo(winRate) > 1")), StringComparison.Ordinal);

    [Fact]
    public void Evaluate_TextComparison_IgnoresCase()
    {
        var rule = EligibilityRule.Compile("country in ('US','CA') and department == 'sales'");

        var result = rule.Evaluate(Person(("country", "us"), ("department", "Sales")));

        Assert.True(result.Passed);
        Assert.Equal("country = 'us', department = 'Sales'", result.Detail);
    }

    [Fact]
    public void Evaluate_MissingMetric_FalseAndSaysWhy()
    {
        var rule = EligibilityRule.Compile("quotaAttainment >= 1.0");

        var result = rule.Evaluate(Person(("quotaAttainment", null)));

        Assert.False(result.Passed);
        Assert.Equal("quotaAttainment = missing: quotaAttainment is missing, so the rule is false", result.Detail);
    }

    [Fact]
    public void Evaluate_NumbersCompared_PassAndFail()
    {
        var rule = EligibilityRule.Compile("tenureMonths >= 12");

        Assert.True(rule.Evaluate(Person(("tenureMonths", 12d))).Passed);
        Assert.False(rule.Evaluate(Person(("tenureMonths", 11d))).Passed);
    }

    [Fact]
    public void Parse_DefinitionWithBadRule_ReportsAtTheRulesPath()
    {
        var result = DefinitionBuilder.Valid()
            .Set("criteria.mentee.eligibility", new System.Text.Json.Nodes.JsonArray("tenureMonths >= 12", "quotaAttainmnt >= 1"))
            .Parse();

        var problem = Assert.Single(result.Problems);
        Assert.Equal("criteria.mentee.eligibility[1]", problem.Path);
        Assert.Contains("'quotaAttainmnt' is not a metric", problem.Message, StringComparison.Ordinal);
    }
}
