using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Testing;

/// <summary>
/// The largest program definition the API accepts: every list at its <see cref="DefinitionLimits"/> item limit and
/// every text at its length limit, the texts made of the characters that grow most when stored ('&lt;', '&amp;',
/// quotes, accents, a euro sign: six characters each as default JSON escapes, up to six as HTML).
/// </summary>
public static class LargestDefinition
{
    /// <summary>Writes the body without escaping what JSON does not require, so it is as small as HR's tools send it.</summary>
    public static JsonSerializerOptions BodyOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // 20 characters: 16 that are one byte in the body, a quote (two: \"), two of two and three bytes.
    private const string Pattern = "<<<<&<<<<'<<<<><<<\"é€";

    /// <summary>
    /// <paramref name="sample"/> (a valid definition) with every list and text at its limit; the program manager's
    /// email stays as it is, so the charter email reaches the outbox's usual recipient.
    /// </summary>
    public static JsonObject From(JsonObject sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var d = sample.DeepClone().AsObject();
        d["name"] = Text("name", DefinitionLimits.NameLength);
        d["purpose"] = Text("purpose", DefinitionLimits.LongTextLength);
        d["scope"] = Text("scope", DefinitionLimits.LongTextLength);
        d["targetPopulation"] = new JsonObject
        {
            ["description"] = Text("description", DefinitionLimits.LongTextLength),
            ["departments"] = Texts("department", DefinitionLimits.PopulationItems, DefinitionLimits.ShortTextLength),
            ["jobTitles"] = Texts("job title", DefinitionLimits.PopulationItems, DefinitionLimits.ShortTextLength),
            ["countries"] = Texts("country", DefinitionLimits.PopulationItems, DefinitionLimits.ShortTextLength),
        };
        d["learningOutcomes"] = new JsonArray([.. Enumerable.Range(0, DefinitionLimits.LearningOutcomes).Select(i => (JsonNode)new JsonObject
        {
            ["outcome"] = Text($"outcome {i}", DefinitionLimits.ItemTextLength),
            ["measure"] = Text($"measure {i}", DefinitionLimits.ItemTextLength),
        })]);
        d["benefits"] = Texts("benefit", DefinitionLimits.Benefits, DefinitionLimits.ItemTextLength);
        d["programManager"]!["name"] = Text("manager", DefinitionLimits.PersonNameLength);
        d["sponsor"] = Person("sponsor", 0);
        foreach (var role in d["roles"]!.AsArray())
        {
            role!["responsibilities"] = Texts("responsibility", DefinitionLimits.Responsibilities, DefinitionLimits.ItemTextLength);
        }

        d["criteria"]!["mentee"]!["eligibility"] = Rules();
        d["criteria"]!["mentor"]!["eligibility"] = Rules();
        d["approvals"]!["reminders"] = Durations(DefinitionLimits.Reminders);
        d["approvals"]!["timeout"] = "P30D";
        d["sponsorship"] = new JsonObject
        {
            ["leaders"] = new JsonArray([.. Enumerable.Range(1, DefinitionLimits.Leaders).Select(i => (JsonNode)Person("leader", i))]),
        };
        d["pilot"]!["duration"] = "P60D";
        d["pilot"]!["checkIns"] = Durations(DefinitionLimits.CheckIns);
        d["rollout"]!["duration"] = "P60D";
        d["rollout"]!["checkIns"] = Durations(DefinitionLimits.CheckIns);
        return d;
    }

    /// <summary>The body as sent: UTF-8 JSON.</summary>
    public static byte[] Body(JsonNode definition) => Encoding.UTF8.GetBytes(definition.ToJsonString(BodyOptions));

    /// <summary>Exactly <paramref name="length"/> UTF-16 characters, starting with a label so items differ.</summary>
    public static string Text(string label, int length)
    {
        var text = new StringBuilder(label).Append(' ');
        while (text.Length < length)
        {
            text.Append(Pattern);
        }

        return text.ToString(0, length);
    }

    private static JsonArray Texts(string label, int count, int length) =>
        new([.. Enumerable.Range(1, count).Select(i => JsonValue.Create(Text($"{label} {i}", length)))]);

    private static JsonObject Person(string label, int number) => new()
    {
        ["name"] = Text($"{label} {number}", DefinitionLimits.PersonNameLength),
        ["email"] = Email(label, number),
    };

    // 254 characters: a 64-character local part, then dotted labels of at most 63.
    private static string Email(string label, int number)
    {
        var local = (label + number.ToString("D3", CultureInfo.InvariantCulture)).PadRight(64, 'x');
        const string tail = ".example.com";
        var domainLength = DefinitionLimits.EmailLength - local.Length - 1 - tail.Length;
        var labels = new StringBuilder();
        while (labels.Length < domainLength)
        {
            var dot = labels.Length == 0 ? "" : ".";
            var length = Math.Min(60, domainLength - labels.Length - dot.Length);
            labels.Append(dot).Append(new string('d', length));
        }

        return local + "@" + labels + tail;
    }

    private static JsonArray Rules()
    {
        var rule = new StringBuilder("tenureMonths >= 0");
        while (rule.Length + " and tenureMonths >= 0".Length <= DefinitionLimits.RuleLength)
        {
            rule.Append(" and tenureMonths >= 0");
        }

        var text = rule.ToString().PadRight(DefinitionLimits.RuleLength);
        return new([.. Enumerable.Repeat(text, DefinitionLimits.EligibilityRules).Select(r => JsonValue.Create(r))]);
    }

    private static JsonArray Durations(int count) =>
        new([.. Enumerable.Range(1, count).Select(day => JsonValue.Create($"P{day}D"))]);
}
