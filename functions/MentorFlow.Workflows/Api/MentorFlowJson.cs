using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorFlow.Workflows.Api;

/// <summary>The API's JSON: camelCase, enums as their names.</summary>
public static class MentorFlowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
