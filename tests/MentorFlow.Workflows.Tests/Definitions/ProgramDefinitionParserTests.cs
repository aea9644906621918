using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

/// <summary>The document as a whole: shape, required fields, JSON types, unknown fields and how problems are reported.</summary>
public class ProgramDefinitionParserTests
{
    [Fact]
    public void Parse_ValidDefinition_ReturnsTypedModel()
    {
        var result = DefinitionBuilder.Valid().Parse();

        ProblemAssert.Valid(result);
        var definition = result.Definition!;
        Assert.Equal("Sales Leadership Mentoring 2027", definition.Name);
        Assert.Equal(["US", "CA"], definition.TargetPopulation.Countries);
        Assert.Equal("Leads 4 reviews observed by the mentor", definition.LearningOutcomes[0].Measure);
        Assert.Equal(new Person("Priya Patel", "priya.patel@example.com"), definition.ProgramManager);
        Assert.Equal(ProgramRoles.All, definition.Roles.Select(r => r.Role));
        Assert.Equal(IsoDuration.Parse("P12M"), definition.Criteria.PerformanceWindow);
        Assert.Equal(["tenureMonths >= 12", "quotaAttainment >= 1.0"], definition.Criteria.Mentee.Eligibility);
        Assert.Equal(0.5, definition.Criteria.Mentee.Selection["quotaAttainment"]);
        Assert.Equal(20, definition.Criteria.Mentee.MaxNominees);
        Assert.Equal(2, definition.Criteria.Mentor.Capacity);
        Assert.Equal(NominationApprovers.Manager, definition.Criteria.NominationApprover);
        Assert.Equal(IsoDuration.Parse("P5D"), definition.Approvals.Timeout);
        Assert.Equal([IsoDuration.Parse("P2D"), IsoDuration.Parse("P4D")], definition.Approvals.Reminders);
        Assert.Equal(ApprovalTimeoutActions.Escalate, definition.Approvals.OnTimeout);
        Assert.Equal("dana.lee@example.com", Assert.Single(definition.Sponsorship.Leaders).Email);
        Assert.Equal(6, definition.Pilot.Pairs);
        Assert.Equal([IsoDuration.Parse("P30D"), IsoDuration.Parse("P90D")], definition.Rollout.CheckIns);
        Assert.Equal(0.6, definition.Matching[MatchingFactors.MentorScore]);
        Assert.Equal(IsoDuration.Parse("P7D"), definition.Stories.RequestAfter);
    }

    [Fact]
    public void Parse_ValidJsonText_MatchesParsingTheElement()
    {
        var builder = DefinitionBuilder.Valid();

        var fromText = ProgramDefinitionParser.Parse(builder.ToJson());

        ProblemAssert.Valid(fromText);
        Assert.Equal(ProgramDefinitionJson.Serialize(builder.ParseValid()), ProgramDefinitionJson.Serialize(fromText.Definition!));
    }

    [Fact]
    public void Parse_FiveDistinctMistakes_ReportsExactlyThoseFive()
    {
        var result = DefinitionBuilder.Valid()
            .Set("learningOutcomes[0].measure", "  ")
            .Set("sponsor.email", "sam.rivera")
            .Set("criteria.mentee.maxNominee", 25)
            .Set("approvals.onTimeout", "ignore")
            .Set("pilot.checkIns[1]", "P90D")
            .Parse();

        ProblemAssert.Paths(
            result,
            "learningOutcomes[0].measure",
            "sponsor.email",
            "criteria.mentee.maxNominee",
            "approvals.onTimeout",
            "pilot.checkIns[1]");
        Assert.Equal(
            "Learning outcome 'Lead a weekly pipeline review' has no measure; an outcome without a measure is ambiguous.",
            result.Problems[0].Message[..result.Problems[0].Message.IndexOf(" Say", StringComparison.Ordinal)]);
        Assert.Equal("Unknown field 'maxNominee'.", result.Problems[2].Message);
        Assert.Contains("'escalate', 'approve' or 'decline'", result.Problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("P84D", result.Problems[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsOneProblemAtRootWithLineAndPosition()
    {
        var result = ProgramDefinitionParser.Parse("{\n  \"name\": \"x\",\n  \"purpose\": }");

        var problem = ProblemAssert.Single(result, "$", "not valid JSON");
        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
        Assert.Contains("position 14", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"name\": 'single quotes'}")]
    [InlineData("{} {}")]
    public void Parse_NotJson_ReportsOneProblemAtRoot(string text)
    {
        ProblemAssert.Single(ProgramDefinitionParser.Parse(text), "$", "not valid JSON");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n ")]
    public void Parse_EmptyText_SaysTheBodyIsEmpty(string text)
    {
        ProblemAssert.Single(ProgramDefinitionParser.Parse(text), "$", "the body is empty");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"program\"")]
    [InlineData("null")]
    public void Parse_RootNotAnObject_ReportsOneProblemAtRoot(string json)
    {
        ProblemAssert.Single(ProgramDefinitionParser.Parse(json), "$", "must be a JSON object");
    }

    [Fact]
    public void Parse_DefaultElement_ReportsOneProblemAtRoot()
    {
        ProblemAssert.Single(ProgramDefinitionParser.Parse(default(JsonElement)), "$", "must be a JSON object");
    }

    [Fact]
    public void Parse_EmptyObject_ReportsEveryRequiredTopLevelField()
    {
        var result = ProgramDefinitionParser.Parse("{}");

        ProblemAssert.Paths(
            result,
            "name", "purpose", "scope", "targetPopulation", "learningOutcomes", "benefits", "programManager", "sponsor",
            "roles", "criteria", "approvals", "pilot", "rollout", "stories");
        Assert.All(result.Problems, p => Assert.EndsWith("is required.", p.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("purpose")]
    [InlineData("scope")]
    [InlineData("targetPopulation")]
    [InlineData("targetPopulation.description")]
    [InlineData("targetPopulation.departments")]
    [InlineData("targetPopulation.jobTitles")]
    [InlineData("targetPopulation.countries")]
    [InlineData("learningOutcomes")]
    [InlineData("learningOutcomes[0].outcome")]
    [InlineData("benefits")]
    [InlineData("programManager")]
    [InlineData("programManager.name")]
    [InlineData("programManager.email")]
    [InlineData("sponsor")]
    [InlineData("sponsor.email")]
    [InlineData("roles")]
    [InlineData("roles[1].responsibilities")]
    [InlineData("criteria")]
    [InlineData("criteria.mentee")]
    [InlineData("criteria.mentee.eligibility")]
    [InlineData("criteria.mentee.maxNominees")]
    [InlineData("criteria.mentor")]
    [InlineData("criteria.mentor.eligibility")]
    [InlineData("criteria.mentor.capacity")]
    [InlineData("criteria.nominationApprover")]
    [InlineData("approvals")]
    [InlineData("approvals.timeout")]
    [InlineData("approvals.reminders")]
    [InlineData("approvals.onTimeout")]
    [InlineData("sponsorship.leaders")]
    [InlineData("sponsorship.leaders[0].name")]
    [InlineData("pilot")]
    [InlineData("pilot.pairs")]
    [InlineData("pilot.duration")]
    [InlineData("pilot.checkIns")]
    [InlineData("rollout")]
    [InlineData("rollout.duration")]
    [InlineData("rollout.checkIns")]
    [InlineData("stories")]
    [InlineData("stories.requestAfter")]
    public void Parse_RequiredFieldMissing_ReportsItAtItsPath(string path)
    {
        var result = DefinitionBuilder.Valid().Remove(path).Parse();

        var leaf = path[(path.LastIndexOf('.') + 1)..];
        ProblemAssert.Single(result, path, $"'{leaf}' is required.");
    }

    [Fact]
    public void Parse_RequiredFieldNull_ReportsItAsRequired()
    {
        var result = DefinitionBuilder.Valid().Set("criteria.mentor.capacity", null).Parse();

        ProblemAssert.Single(result, "criteria.mentor.capacity", "'capacity' is required.");
    }

    [Fact]
    public void Parse_OptionalFieldsLeftOut_UsesDefaults()
    {
        var definition = DefinitionBuilder.Valid()
            .Remove("sponsorship")
            .Remove("matching")
            .Remove("criteria.mentee.selection")
            .Remove("criteria.mentor.selection")
            .Remove("criteria.performanceWindow")
            .ParseValid();

        Assert.Empty(definition.Sponsorship.Leaders);
        Assert.Empty(definition.Matching);
        Assert.Empty(definition.Criteria.Mentee.Selection);
        Assert.Empty(definition.Criteria.Mentor.Selection);
        Assert.Equal(IsoDuration.Parse("P12M"), definition.Criteria.PerformanceWindow);
    }

    [Fact]
    public void Parse_OptionalFieldsNull_UsesDefaults()
    {
        var definition = DefinitionBuilder.Valid()
            .Set("sponsorship", null)
            .Set("matching", null)
            .Set("criteria.performanceWindow", null)
            .ParseValid();

        Assert.Empty(definition.Sponsorship.Leaders);
        Assert.Empty(definition.Matching);
        Assert.Equal(IsoDuration.Parse("P12M"), definition.Criteria.PerformanceWindow);
    }

    [Fact]
    public void Parse_EmptyOptionalCollections_AreValid()
    {
        var definition = DefinitionBuilder.Valid()
            .Set("sponsorship.leaders", new JsonArray())
            .Set("matching", new JsonObject())
            .Set("criteria.mentee.selection", new JsonObject())
            .Set("targetPopulation.departments", new JsonArray())
            .Set("targetPopulation.jobTitles", new JsonArray())
            .Set("targetPopulation.countries", new JsonArray())
            .Set("approvals.reminders", new JsonArray())
            .Set("pilot.checkIns", new JsonArray())
            .Set("rollout.checkIns", new JsonArray())
            .ParseValid();

        Assert.Empty(definition.Sponsorship.Leaders);
        Assert.Empty(definition.TargetPopulation.Countries);
        Assert.Empty(definition.Pilot.CheckIns);
    }

    [Theory]
    [InlineData("name", "must be a string")]
    [InlineData("benefits[0]", "must be a string")]
    [InlineData("criteria.mentee.eligibility[1]", "must be a string")]
    [InlineData("learningOutcomes[0].measure", "must be a string")]
    [InlineData("benefits", "must be an array")]
    [InlineData("targetPopulation.countries", "must be an array")]
    [InlineData("pilot.checkIns", "must be an array")]
    [InlineData("targetPopulation", "must be an object")]
    [InlineData("learningOutcomes[0]", "must be an object")]
    [InlineData("criteria.mentee.selection", "must be an object")]
    [InlineData("matching", "must be an object")]
    [InlineData("sponsorship", "must be an object")]
    [InlineData("sponsorship.leaders[0]", "must be an object")]
    [InlineData("approvals.timeout", "must be a string")]
    [InlineData("approvals.reminders[0]", "must be a string")]
    public void Parse_WrongJsonType_ReportsExpectedType(string path, string expected)
    {
        // A number is wrong everywhere except counts and weights.
        var result = DefinitionBuilder.Valid().Set(path, 7).Parse();

        var problem = ProblemAssert.Single(result, path, expected);
        Assert.EndsWith(".", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("criteria.mentee.maxNominees")]
    [InlineData("criteria.mentor.capacity")]
    [InlineData("pilot.pairs")]
    [InlineData("matching.sameCountry")]
    [InlineData("criteria.mentor.selection.tenureMonths")]
    public void Parse_NumberWrittenAsString_ReportsMustBeANumber(string path)
    {
        var result = DefinitionBuilder.Valid().Set(path, "2").Parse();

        ProblemAssert.Single(result, path, "must be a number");
    }

    [Fact]
    public void Parse_WrongTypeNode_DoesNotInspectItsChildren()
    {
        var result = DefinitionBuilder.Valid().Set("criteria", new JsonArray(new JsonObject { ["mentee"] = 1 })).Parse();

        ProblemAssert.Single(result, "criteria", "'criteria' must be an object.");
    }

    [Theory]
    [InlineData("extra")]
    [InlineData("targetPopulation.regions")]
    [InlineData("learningOutcomes[0].deadline")]
    [InlineData("roles[2].owner")]
    [InlineData("criteria.mentee.maxNominee")]
    [InlineData("criteria.mentor.eligibilty")]
    [InlineData("sponsorship.leaders[0].phone")]
    [InlineData("pilot.pair")]
    [InlineData("stories.requestBefore")]
    public void Parse_UnknownField_ReportsItAtItsPath(string path)
    {
        var result = DefinitionBuilder.Valid().Set(path, 1).Parse();

        var name = path[(path.LastIndexOf('.') + 1)..];
        var problem = ProblemAssert.Single(result, path, "Unknown field");
        Assert.Equal($"Unknown field '{name}'.", problem.Message);
    }

    [Fact]
    public void Parse_UnknownFieldHoldingBadValues_DoesNotInspectThem()
    {
        var result = DefinitionBuilder.Valid().Set("criteria.extra", new JsonObject { ["timeout"] = "soon", ["email"] = "x" }).Parse();

        ProblemAssert.Single(result, "criteria.extra", "Unknown field 'extra'.");
    }

    [Fact]
    public void Parse_FieldNameInWrongCase_IsUnknownAndTheRealOneMissing()
    {
        var result = DefinitionBuilder.Valid().Remove("name").Set("Name", "Sales Leadership Mentoring 2027").Parse();

        ProblemAssert.Paths(result, "Name", "name");
        Assert.Equal("Unknown field 'Name'; field names are case-sensitive, did you mean 'name'?", result.Problems[0].Message);
    }

    [Fact]
    public void Parse_FieldNameNotAnIdentifier_QuotesItInThePath()
    {
        var result = DefinitionBuilder.Valid().Set("pilot.check ins", "P1D").Parse();

        ProblemAssert.Single(result, "pilot['check ins']", "Unknown field 'check ins'.");
    }

    [Fact]
    public void Parse_DuplicateField_ReportsTheRepeat()
    {
        var json = DefinitionBuilder.Valid().ToJson();
        var duplicated = "{\"name\":\"Another name\"," + json[1..];

        var result = ProgramDefinitionParser.Parse(duplicated);

        ProblemAssert.Single(result, "name", "appears more than once");
    }

    [Fact]
    public void Parse_MoreThanHundredProblems_KeepsHundredAndCountsTheRest()
    {
        var builder = DefinitionBuilder.Valid();
        // Roles have no item limit of their own (each may be defined once), so 150 wrong ones are 150 problems.
        for (var i = 0; i < 150; i++)
        {
            builder.Add("roles", " ");
        }

        var result = builder.Parse();

        Assert.Equal(101, result.Problems.Count);
        Assert.Equal("roles[5]", result.Problems[0].Path);
        Assert.Equal("roles[104]", result.Problems[99].Path);
        Assert.Equal("$", result.Problems[100].Path);
        Assert.StartsWith("... and 50 more problems", result.Problems[100].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExactlyHundredProblems_AddsNoSummary()
    {
        var builder = DefinitionBuilder.Valid();
        for (var i = 0; i < 100; i++)
        {
            builder.Add("roles", "");
        }

        var result = builder.Parse();

        Assert.Equal(100, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.StartsWith("roles[", p.Path, StringComparison.Ordinal));
    }
}
