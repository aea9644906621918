using System.Text.Json.Nodes;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests;

/// <summary>Program definitions for workflow tests, built from a small valid document.</summary>
internal static class TestDefinitions
{
    /// <summary>A valid definition: 1 learning outcome, 2 benefits, the five roles with one responsibility each.</summary>
    public static JsonObject Json() => new()
    {
        ["name"] = "Sales Leadership Mentoring 2027",
        ["purpose"] = "Grow the next sales managers.",
        ["scope"] = "North America sales.",
        ["targetPopulation"] = new JsonObject
        {
            ["description"] = "Account executives",
            ["departments"] = new JsonArray("Sales"),
            ["jobTitles"] = new JsonArray("Account Executive"),
            ["countries"] = new JsonArray("US", "CA"),
        },
        ["learningOutcomes"] = new JsonArray(new JsonObject { ["outcome"] = "Lead a pipeline review", ["measure"] = "Leads 4 reviews" }),
        ["benefits"] = new JsonArray("Promotion readiness", "Retention"),
        ["programManager"] = new JsonObject { ["name"] = "Pat Manager", ["email"] = "pat@example.com" },
        ["sponsor"] = new JsonObject { ["name"] = "Sam Sponsor", ["email"] = "sam@example.com" },
        ["roles"] = new JsonArray(
            Role("Mentor", "Meet the mentee every two weeks"),
            Role("Mentee", "Bring one deal to each meeting"),
            Role("ProgramManager", "Run the program"),
            Role("Sponsor", "Endorse the program"),
            Role("SalesLeader", "Approve nominations")),
        ["criteria"] = new JsonObject
        {
            ["performanceWindow"] = "P12M",
            ["mentee"] = new JsonObject
            {
                ["eligibility"] = new JsonArray("tenureMonths >= 12"),
                ["selection"] = new JsonObject { ["quotaAttainment"] = 1.0 },
                ["maxNominees"] = 20,
            },
            ["mentor"] = new JsonObject
            {
                ["eligibility"] = new JsonArray("isManager"),
                ["selection"] = new JsonObject { ["teamQuotaAttainment"] = 1.0 },
                ["capacity"] = 2,
            },
            ["nominationApprover"] = "manager",
        },
        ["approvals"] = new JsonObject { ["timeout"] = "P5D", ["reminders"] = new JsonArray("P2D", "P4D"), ["onTimeout"] = "escalate" },
        // The later stages' waits are seconds, so a test that runs a whole program finishes on the wall clock.
        ["pilot"] = new JsonObject { ["pairs"] = 6, ["duration"] = "PT2S", ["checkIns"] = new JsonArray("PT1S") },
        ["rollout"] = new JsonObject { ["duration"] = "PT2S", ["checkIns"] = new JsonArray("PT1S") },
        ["matching"] = new JsonObject { ["sameCountry"] = 0.5, ["mentorScore"] = 0.5 },
        ["stories"] = new JsonObject { ["requestAfter"] = "PT1S" },
    };

    public static ProgramDefinition Sample() => Parse(Json());

    /// <summary>The sample with a short approval policy, so an approval test runs in seconds on the wall clock.</summary>
    public static ProgramDefinition WithApprovals(string timeout, string onTimeout, params string[] reminders)
    {
        var json = Json();
        json["approvals"] = new JsonObject
        {
            ["timeout"] = timeout,
            ["reminders"] = new JsonArray([.. reminders.Select(r => (JsonNode)r)]),
            ["onTimeout"] = onTimeout,
        };
        return Parse(json);
    }

    public static ProgramDefinition Parse(JsonObject json)
    {
        var result = ProgramDefinitionParser.Parse(json.ToJsonString());
        return result.Definition
            ?? throw new InvalidOperationException("Test definition is invalid: " + string.Join("; ", result.Problems));
    }

    private static JsonObject Role(string role, string responsibility) =>
        new() { ["role"] = role, ["responsibilities"] = new JsonArray(responsibility) };
}
