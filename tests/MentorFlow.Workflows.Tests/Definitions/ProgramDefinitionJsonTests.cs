using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

public class ProgramDefinitionJsonTests
{
    [Fact]
    public void Serialize_Definition_UsesCamelCaseAndIsoDurations()
    {
        var definition = DefinitionBuilder.Valid().ParseValid();

        var json = JsonNode.Parse(ProgramDefinitionJson.Serialize(definition))!;

        Assert.Equal("Sales Leadership Mentoring 2027", (string?)json["name"]);
        Assert.Equal("P12M", (string?)json["criteria"]!["performanceWindow"]);
        Assert.Equal("P4D", (string?)json["approvals"]!["reminders"]![1]);
        Assert.Equal(0.5, (double?)json["criteria"]!["mentee"]!["selection"]!["quotaAttainment"]);
        Assert.Equal(20, (int?)json["criteria"]!["mentee"]!["maxNominees"]);
    }

    [Fact]
    public void Serialize_ThenDeserialize_RoundTripsExactly()
    {
        var definition = DefinitionBuilder.Valid()
            .Set("pilot.checkIns", new JsonArray("PT1H30M", "P2W", "P42D"))
            .Set("stories.requestAfter", "PT1.5S")
            .ParseValid();
        var json = ProgramDefinitionJson.Serialize(definition);

        var copy = ProgramDefinitionJson.Deserialize(json);

        Assert.Equal(json, ProgramDefinitionJson.Serialize(copy));
        Assert.Equal(definition.Name, copy.Name);
        Assert.Equal(definition.TargetPopulation.Countries, copy.TargetPopulation.Countries);
        Assert.Equal(definition.LearningOutcomes, copy.LearningOutcomes);
        Assert.Equal(definition.ProgramManager, copy.ProgramManager);
        Assert.Equal(definition.Roles.Select(r => r.Role), copy.Roles.Select(r => r.Role));
        Assert.Equal(definition.Roles.SelectMany(r => r.Responsibilities), copy.Roles.SelectMany(r => r.Responsibilities));
        Assert.Equal(definition.Criteria.PerformanceWindow, copy.Criteria.PerformanceWindow);
        Assert.Equal(definition.Criteria.Mentee.Selection, copy.Criteria.Mentee.Selection);
        Assert.Equal(definition.Criteria.Mentor.Capacity, copy.Criteria.Mentor.Capacity);
        Assert.Equal(definition.Approvals.Reminders, copy.Approvals.Reminders);
        Assert.Equal(definition.Sponsorship.Leaders, copy.Sponsorship.Leaders);
        Assert.Equal(definition.Pilot.CheckIns, copy.Pilot.CheckIns);
        Assert.Equal(definition.Rollout.Duration, copy.Rollout.Duration);
        Assert.Equal(definition.Matching, copy.Matching);
        Assert.Equal(definition.Stories, copy.Stories);
    }

    [Fact]
    public void Serialize_Definition_IsAValidSubmission()
    {
        var definition = DefinitionBuilder.Valid().Remove("sponsorship").Remove("matching").ParseValid();
        var json = ProgramDefinitionJson.Serialize(definition);

        var reparsed = ProgramDefinitionParser.Parse(json);

        ProblemAssert.Valid(reparsed);
        Assert.Equal(json, ProgramDefinitionJson.Serialize(reparsed.Definition!));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{")]
    [InlineData("""{"name":"only a name"}""")]
    public void Deserialize_NotAStoredDefinition_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ProgramDefinitionJson.Deserialize(json));
    }

    [Fact]
    public void Options_AreReadOnly()
    {
        Assert.True(ProgramDefinitionJson.Options.IsReadOnly);
        Assert.Equal(JsonNamingPolicy.CamelCase, ProgramDefinitionJson.Options.PropertyNamingPolicy);
    }
}
