using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorFlow.Workflows.Definitions;

/// <summary>Reads and writes an <see cref="IsoDuration"/> as its ISO 8601 text, e.g. <c>"P5D"</c>.</summary>
public sealed class IsoDurationJsonConverter : JsonConverter<IsoDuration>
{
    /// <inheritdoc />
    public override IsoDuration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An ISO 8601 duration must be a JSON string such as \"P5D\".");
        }

        var text = reader.GetString();
        return IsoDuration.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not an ISO 8601 duration such as P5D or PT10S.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IsoDuration value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    /// <inheritdoc />
    public override IsoDuration ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return IsoDuration.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not an ISO 8601 duration such as P5D or PT10S.");
    }

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, IsoDuration value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }
}
