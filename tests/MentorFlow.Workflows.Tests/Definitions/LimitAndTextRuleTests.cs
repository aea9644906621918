using System.Text.Json.Nodes;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

/// <summary>
/// Every list and text has a limit (<see cref="DefinitionLimits"/>), reported at its path; text that is not text
/// (half a surrogate pair, control characters) is a problem at its path, never an exception.
/// </summary>
public class LimitAndTextRuleTests
{
    [Theory]
    [InlineData("name", DefinitionLimits.NameLength)]
    [InlineData("purpose", DefinitionLimits.LongTextLength)]
    [InlineData("scope", DefinitionLimits.LongTextLength)]
    [InlineData("targetPopulation.description", DefinitionLimits.LongTextLength)]
    [InlineData("targetPopulation.countries[0]", DefinitionLimits.ShortTextLength)]
    [InlineData("learningOutcomes[0].outcome", DefinitionLimits.ItemTextLength)]
    [InlineData("learningOutcomes[0].measure", DefinitionLimits.ItemTextLength)]
    [InlineData("benefits[0]", DefinitionLimits.ItemTextLength)]
    [InlineData("programManager.name", DefinitionLimits.PersonNameLength)]
    [InlineData("roles[3].responsibilities[0]", DefinitionLimits.ItemTextLength)]
    [InlineData("sponsorship.leaders[0].name", DefinitionLimits.PersonNameLength)]
    public void Parse_TextOneOverItsLimit_ReportsLimitAtPath(string path, int limit)
    {
        var atLimit = DefinitionBuilder.Valid().Set(path, new string('x', limit)).Parse();
        var over = DefinitionBuilder.Valid().Set(path, new string('x', limit + 1)).Parse();

        ProblemAssert.Valid(atLimit);
        ProblemAssert.Single(over, path, $"at most {limit:N0} are allowed");
    }

    [Fact]
    public void Parse_RuleOneOverItsLimit_ReportsLimitAtPath()
    {
        const string rule = "tenureMonths >= 12";
        var atLimit = DefinitionBuilder.Valid().Set("criteria.mentee.eligibility[0]", rule.PadRight(DefinitionLimits.RuleLength)).Parse();
        var over = DefinitionBuilder.Valid().Set("criteria.mentee.eligibility[0]", rule.PadRight(DefinitionLimits.RuleLength + 1)).Parse();

        ProblemAssert.Valid(atLimit);
        ProblemAssert.Single(over, "criteria.mentee.eligibility[0]", $"at most {DefinitionLimits.RuleLength:N0} are allowed");
    }

    [Fact]
    public void Parse_EmailOverItsLimit_ReportsLimitAtPath()
    {
        var email = new string('a', 64) + "@" + new string('d', DefinitionLimits.EmailLength - 64 - 1 - 12 + 1) + ".example.com";

        var result = DefinitionBuilder.Valid().Set("sponsor.email", email).Parse();

        ProblemAssert.Single(result, "sponsor.email", $"at most {DefinitionLimits.EmailLength} are allowed");
    }

    [Theory]
    [InlineData("benefits", DefinitionLimits.Benefits)]
    [InlineData("targetPopulation.departments", DefinitionLimits.PopulationItems)]
    [InlineData("roles[0].responsibilities", DefinitionLimits.Responsibilities)]
    [InlineData("criteria.mentor.eligibility", DefinitionLimits.EligibilityRules)]
    public void Parse_ListOneOverItsLimit_ReportsLimitAtListPath(string path, int limit)
    {
        var item = path.EndsWith("eligibility", StringComparison.Ordinal) ? "tenureMonths >= 12" : "Something concrete.";
        var over = DefinitionBuilder.Valid().Set(path, new JsonArray([.. Enumerable.Repeat(item, limit + 1).Select(i => JsonValue.Create(i))])).Parse();
        var atLimit = DefinitionBuilder.Valid().Set(path, new JsonArray([.. Enumerable.Repeat(item, limit).Select(i => JsonValue.Create(i))])).Parse();

        ProblemAssert.Valid(atLimit);
        ProblemAssert.Single(over, path, $"lists {limit + 1:N0} items; at most {limit:N0} are allowed");
    }

    [Fact]
    public void Parse_TwentyThousandBenefits_OneProblemAtBenefits()
    {
        var result = DefinitionBuilder.Valid()
            .Set("benefits", new JsonArray([.. Enumerable.Range(0, 20_000).Select(i => JsonValue.Create($"Benefit {i}"))]))
            .Parse();

        ProblemAssert.Single(result, "benefits", "lists 20,000 items");
    }

    [Theory]
    [InlineData("learningOutcomes", DefinitionLimits.LearningOutcomes)]
    [InlineData("sponsorship.leaders", DefinitionLimits.Leaders)]
    public void Parse_ObjectListOneOverItsLimit_ReportsLimitAtListPath(string path, int limit)
    {
        var first = path == "learningOutcomes"
            ? DefinitionBuilder.Valid().ParseValid().LearningOutcomes[0] as object
            : DefinitionBuilder.Valid().ParseValid().Sponsorship.Leaders[0];
        var node = System.Text.Json.JsonSerializer.SerializeToNode(first, ProgramDefinitionJson.Options)!;

        var result = DefinitionBuilder.Valid().Set(path, new JsonArray([.. Enumerable.Range(0, limit + 1).Select(_ => node.DeepClone())])).Parse();

        ProblemAssert.Single(result, path, $"at most {limit:N0} are allowed");
    }

    [Fact]
    public void Parse_RemindersOverTheLimit_ReportsLimitAtPath()
    {
        var reminders = new JsonArray([.. Enumerable.Range(1, DefinitionLimits.Reminders + 1).Select(h => JsonValue.Create($"PT{h}H"))]);

        var result = DefinitionBuilder.Valid().Set("approvals.reminders", reminders).Parse();

        ProblemAssert.Single(result, "approvals.reminders", $"at most {DefinitionLimits.Reminders} are allowed");
    }

    [Fact]
    public void Parse_LoneSurrogateInValue_ReportsNotValidTextAtPath()
    {
        var json = DefinitionBuilder.Valid().Set("name", "NAME").ToJson().Replace("\"NAME\"", "\"\\ud800\"", StringComparison.Ordinal);

        var result = ProgramDefinitionParser.Parse(json);

        ProblemAssert.Single(result, "name", "is not valid text");
    }

    [Fact]
    public void Parse_LoneSurrogateInListItemAndFieldName_ReportsEachAtItsPath()
    {
        var json = DefinitionBuilder.Valid()
            .Set("benefits[0]", "BENEFIT")
            .ToJson()
            .Replace("\"BENEFIT\"", "\"ok \\udc00 not\"", StringComparison.Ordinal)
            .Replace("\"outcome\":", "\"out\\ud83dcome\":", StringComparison.Ordinal);

        var result = ProgramDefinitionParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Path == "benefits[0]" && p.Message.Contains("not valid text", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "learningOutcomes[0]" && p.Message.StartsWith("A field name here is not valid text", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SurrogatePair_IsText()
    {
        var json = DefinitionBuilder.Valid().Set("name", "NAME").ToJson().Replace("\"NAME\"", "\"Mentoring \\ud83d\\ude80\"", StringComparison.Ordinal);

        var result = ProgramDefinitionParser.Parse(json);

        ProblemAssert.Valid(result);
        Assert.Equal("Mentoring 🚀", result.Definition!.Name);
    }

    [Theory]
    [InlineData("purpose", "Grow\u0007 leaders", "U+0007 at position 5")]
    [InlineData("benefits[0]", "Less\u0085 churn", "U+0085 at position 5")]
    public void Parse_ControlCharacter_ReportsItsPosition(string path, string text, string expected)
    {
        var result = DefinitionBuilder.Valid().Set(path, text).Parse();

        ProblemAssert.Single(result, path, expected);
    }

    [Fact]
    public void Parse_TabsAndLineBreaks_AreText()
    {
        ProblemAssert.Valid(DefinitionBuilder.Valid().Set("scope", "In:\tsales\r\nOut: engineering").Parse());
    }

    [Fact]
    public void Parse_LongUnknownValue_EchoesItShortened()
    {
        var result = DefinitionBuilder.Valid().Set("approvals.onTimeout", new string('z', DefinitionLimits.ShortTextLength)).Parse();

        var problem = ProblemAssert.Single(result, "approvals.onTimeout", "is not allowed");
        Assert.Contains(new string('z', 80) + "…", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('z', 81), problem.Message, StringComparison.Ordinal);
    }
}
