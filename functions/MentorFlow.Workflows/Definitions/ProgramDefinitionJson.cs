using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MentorFlow.Workflows.Definitions;

/// <summary>
/// Stores and reads back an already validated <see cref="ProgramDefinition"/> in the same camelCase shape HR
/// submits, durations as ISO text. Reading does not validate: submissions go through
/// <see cref="ProgramDefinitionParser"/>, which reports problems instead of throwing.
/// </summary>
public static class ProgramDefinitionJson
{
    /// <summary>camelCase names, durations as ISO 8601 text; read-only so no caller can change them for others.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The definition as compact JSON that <see cref="ProgramDefinitionParser"/> accepts as it is.</summary>
    public static string Serialize(ProgramDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, Options);
    }

    /// <summary>Reads JSON written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The JSON is malformed, null, or lacks a field.</exception>
    public static ProgramDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<ProgramDefinition>(json, Options)
            ?? throw new JsonException("The JSON is null, not a program definition.");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

            // A stored definition missing a field or holding a null is corrupt; fail on reading, not later.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new IsoDurationJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
