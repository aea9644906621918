using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// Reads an <see cref="ApprovalBounce"/> as written (<c>{"email":…,"level":…}</c>, names in any case) and also as the
/// bare address string the event carried before it had a level, which orchestration histories still hold.
/// </summary>
internal sealed class ApprovalBounceJsonConverter : JsonConverter<ApprovalBounce>
{
    public override ApprovalBounce Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ApprovalBounce(reader.GetString() ?? "", Level: null);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A bounce is an object with the email and level, or an email address.");
        }

        string? email = null;
        int? level = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "email", StringComparison.OrdinalIgnoreCase))
            {
                email = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("A bounce's email is a string.");
            }
            else if (string.Equals(name, "level", StringComparison.OrdinalIgnoreCase))
            {
                level = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            }
            else
            {
                reader.Skip();
            }
        }

        return new ApprovalBounce(email ?? throw new JsonException("A bounce names the email address that bounced."), level);
    }

    public override void Write(Utf8JsonWriter writer, ApprovalBounce value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("email", value.Email);
        if (value.Level is { } level)
        {
            writer.WriteNumber("level", level);
        }
        else
        {
            writer.WriteNull("level");
        }

        writer.WriteEndObject();
    }
}
