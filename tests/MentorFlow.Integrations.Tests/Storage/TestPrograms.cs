using System.Text.Json.Nodes;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Integrations.Tests.Storage;

/// <summary>A valid definition from the documented sample, with the text of one field changeable.</summary>
internal static class TestPrograms
{
    public static ProgramDefinition Definition(string? purpose = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "sales-leadership-2027.json")))!.AsObject();
        if (purpose is not null)
        {
            json["purpose"] = purpose;
        }

        var result = ProgramDefinitionParser.Parse(json.ToJsonString());
        return result.Definition ?? throw new InvalidOperationException(string.Join("; ", result.Problems));
    }
}
