using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

/// <summary>
/// Starts from a valid definition and changes one thing at a time by path ("criteria.mentee.eligibility[1]"),
/// so each test shows only what it breaks.
/// </summary>
internal sealed class DefinitionBuilder
{
    private readonly JsonObject root = ValidDefinition();

    public static DefinitionBuilder Valid() => new();

    /// <summary>Sets a property or replaces an array item; the parent must exist.</summary>
    public DefinitionBuilder Set(string path, JsonNode? value)
    {
        var (parent, last) = Navigate(path);
        switch (parent, last)
        {
            case (JsonObject obj, string name):
                obj[name] = value;
                break;
            case (JsonArray array, int index):
                array[index] = value;
                break;
            default:
                throw new ArgumentException($"Cannot set '{path}'.", nameof(path));
        }

        return this;
    }

    /// <summary>Removes a property or an array item.</summary>
    public DefinitionBuilder Remove(string path)
    {
        var (parent, last) = Navigate(path);
        switch (parent, last)
        {
            case (JsonObject obj, string name) when obj.ContainsKey(name):
                obj.Remove(name);
                break;
            case (JsonArray array, int index):
                array.RemoveAt(index);
                break;
            default:
                throw new ArgumentException($"Cannot remove '{path}'.", nameof(path));
        }

        return this;
    }

    /// <summary>Appends to the array at <paramref name="path"/>.</summary>
    public DefinitionBuilder Add(string path, JsonNode? value)
    {
        var (parent, last) = Navigate(path);
        var array = (parent, last) switch
        {
            (JsonObject obj, string name) => obj[name]!.AsArray(),
            (JsonArray items, int index) => items[index]!.AsArray(),
            _ => throw new ArgumentException($"No array at '{path}'.", nameof(path)),
        };
        array.Add(value);
        return this;
    }

    public string ToJson() => root.ToJsonString();

    public DefinitionParseResult Parse() => ProgramDefinitionParser.Parse(JsonSerializer.SerializeToElement(root));

    public ProgramDefinition ParseValid()
    {
        var result = Parse();
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Definition!;
    }

    private (JsonNode Parent, object Last) Navigate(string path)
    {
        var steps = Steps(path).ToList();
        JsonNode node = root;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            node = step switch
            {
                string name => node.AsObject()[name],
                int index => node.AsArray()[index],
                _ => null,
            } ?? throw new ArgumentException($"'{path}' does not exist.", nameof(path));
        }

        return (node, steps[^1]);
    }

    // "a.b[1].c" → "a", "b", 1, "c".
    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            yield return bracket < 0 ? part : part[..bracket];
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                yield return int.Parse(part[(bracket + 1)..close], System.Globalization.CultureInfo.InvariantCulture);
                bracket = part.IndexOf('[', close);
            }
        }
    }

    private static JsonObject ValidDefinition() => new()
    {
        ["name"] = "Sales Leadership Mentoring 2027",
        ["purpose"] = "Grow the next generation of sales leaders from within.",
        ["scope"] = "Account executives in North America; excludes sales engineering.",
        ["targetPopulation"] = new JsonObject
        {
            ["description"] = "High-performing account executives.",
            ["departments"] = new JsonArray("Sales"),
            ["jobTitles"] = new JsonArray("Account Executive"),
            ["countries"] = new JsonArray("US", "CA"),
        },
        ["learningOutcomes"] = new JsonArray(
            new JsonObject { ["outcome"] = "Lead a weekly pipeline review", ["measure"] = "Leads 4 reviews observed by the mentor" }),
        ["benefits"] = new JsonArray("A bench of ready sales managers."),
        ["programManager"] = Person("Priya Patel", "priya.patel@example.com"),
        ["sponsor"] = Person("Sam Rivera", "sam.rivera@example.com"),
        ["roles"] = new JsonArray([.. ProgramRoles.All.Select(role => (JsonNode)new JsonObject
        {
            ["role"] = role,
            ["responsibilities"] = new JsonArray($"Does what a {role} does."),
        })]),
        ["criteria"] = new JsonObject
        {
            ["performanceWindow"] = "P12M",
            ["mentee"] = new JsonObject
            {
                ["eligibility"] = new JsonArray("tenureMonths >= 12", "quotaAttainment >= 1.0"),
                ["selection"] = new JsonObject { ["quotaAttainment"] = 0.5, ["winRate"] = 0.3, ["closedWonRevenue"] = 0.2 },
                ["maxNominees"] = 20,
            },
            ["mentor"] = new JsonObject
            {
                ["eligibility"] = new JsonArray("isManager", "teamQuotaAttainment >= 0.9"),
                ["selection"] = new JsonObject { ["teamQuotaAttainment"] = 0.7, ["tenureMonths"] = 0.3 },
                ["capacity"] = 2,
            },
            ["nominationApprover"] = "manager",
        },
        ["approvals"] = new JsonObject { ["timeout"] = "P5D", ["reminders"] = new JsonArray("P2D", "P4D"), ["onTimeout"] = "escalate" },
        ["sponsorship"] = new JsonObject { ["leaders"] = new JsonArray(Person("Dana Lee", "dana.lee@example.com")) },
        ["pilot"] = new JsonObject { ["pairs"] = 6, ["duration"] = "P84D", ["checkIns"] = new JsonArray("P14D", "P42D") },
        ["rollout"] = new JsonObject { ["duration"] = "P180D", ["checkIns"] = new JsonArray("P30D", "P90D") },
        ["matching"] = new JsonObject { ["sameCountry"] = 0.3, ["sameOffice"] = 0.0, ["differentDepartment"] = 0.1, ["mentorScore"] = 0.6 },
        ["stories"] = new JsonObject { ["requestAfter"] = "P7D" },
    };

    private static JsonObject Person(string name, string email) => new() { ["name"] = name, ["email"] = email };
}
