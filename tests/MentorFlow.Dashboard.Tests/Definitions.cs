using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorFlow.Dashboard.Tests;

/// <summary>Program definitions for the tests, built from the repository's samples.</summary>
internal static class Definitions
{
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };

    /// <summary>A sample from samples/programs/ (copied next to the tests).</summary>
    public static JsonObject Sample(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file)))!.AsObject();

    /// <summary>The real sample: its charter confirmation waits for the program manager (days, not seconds).</summary>
    public static JsonObject WaitsForCharter() => Sample("sales-leadership-2027.json");

    /// <summary>The quick demo whose charter confirmation approves itself after a second: it completes on its own.</summary>
    public static JsonObject CompletesByItself()
    {
        var definition = Sample("quick-demo.json");
        definition["approvals"] = new JsonObject { ["timeout"] = "PT1S", ["reminders"] = new JsonArray(), ["onTimeout"] = "approve" };
        return definition;
    }

    /// <summary>
    /// The quick demo run to the end by the people it emails (<see cref="Browser.OutboxResponder"/>): approvals wait
    /// long enough for a link to be followed (and approve if nobody does), and the pilot, rollout and stories take
    /// seconds, so a test sees pairs, check-ins, stories and pledges within a couple of minutes.
    /// </summary>
    public static JsonObject RunByItsPeople()
    {
        var definition = Sample("quick-demo.json");
        definition["approvals"] = new JsonObject { ["timeout"] = "PT40S", ["reminders"] = new JsonArray(), ["onTimeout"] = "approve" };
        definition["pilot"] = new JsonObject { ["pairs"] = 4, ["duration"] = "PT20S", ["checkIns"] = new JsonArray("PT4S") };
        definition["rollout"] = new JsonObject { ["duration"] = "PT12S", ["checkIns"] = new JsonArray("PT4S") };
        definition["stories"] = new JsonObject { ["requestAfter"] = "PT1S" };
        return definition;
    }

    /// <summary>The real sample with one definition problem written in.</summary>
    public static JsonObject WaitsForCharterWith(Action<JsonObject> change)
    {
        var definition = WaitsForCharter();
        change(definition);
        return definition;
    }
}
