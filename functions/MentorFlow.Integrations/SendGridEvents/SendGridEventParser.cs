using System.Text.Json;

namespace MentorFlow.Integrations.SendGridEvents;

/// <summary>
/// Reads the body of a SendGrid Event Webhook request: a JSON array of events, where the custom args a message
/// was sent with appear as top-level properties of each of its events. Properties MentorFlow does not use are ignored.
/// </summary>
public static class SendGridEventParser
{
    public const string KeyArg = "mentorflow_key";
    public const string ProgramArg = "mentorflow_program";

    /// <summary>Parses a batch; throws <see cref="SendGridEventFormatException"/> naming the first problem and where it is.</summary>
    public static IReadOnlyList<SendGridEvent> Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument? document = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            document = JsonDocument.ParseValue(ref reader);

            // ParseValue stops after the first value; a body is one array and nothing after it.
            if (reader.Read())
            {
                throw new JsonException($"Unexpected content after the array, at byte {reader.TokenStartIndex}.");
            }
        }
        catch (JsonException ex)
        {
            document?.Dispose();
            throw new SendGridEventFormatException($"The SendGrid event batch is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new SendGridEventFormatException($"The SendGrid event batch must be a JSON array of events, not {Describe(root.ValueKind)}.");
            }

            var events = new List<SendGridEvent>(root.GetArrayLength());
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                var path = $"$[{index}]";
                try
                {
                    events.Add(ReadEvent(item, path));
                }
                catch (InvalidOperationException ex)
                {
                    // Looking a field up compares names, and a name with half a surrogate pair cannot be read.
                    throw new SendGridEventFormatException($"{path} has a field name that is not valid text: it holds half of a UTF-16 surrogate pair.", ex);
                }

                index++;
            }

            return events;
        }
    }

    private static SendGridEvent ReadEvent(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SendGridEventFormatException($"{path} must be an event object, not {Describe(item.ValueKind)}.");
        }

        return new SendGridEvent(
            EventType: RequiredText(item, "event", path),
            Email: RequiredText(item, "email", path),
            Timestamp: RequiredUnixTime(item, "timestamp", path),
            EventId: OptionalText(item, "sg_event_id", path),
            MessageId: OptionalText(item, "sg_message_id", path),
            Reason: OptionalText(item, "reason", path),
            BounceType: OptionalText(item, "type", path),
            MentorFlowKey: OptionalText(item, KeyArg, path),
            MentorFlowProgram: OptionalText(item, ProgramArg, path));
    }

    private static string RequiredText(JsonElement item, string name, string path) =>
        OptionalText(item, name, path) is { Length: > 0 } text
            ? text
            : throw new SendGridEventFormatException($"{path}.{name} is missing; every SendGrid event has one.");

    private static string? OptionalText(JsonElement item, string name, string path)
    {
        if (!item.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            throw new SendGridEventFormatException($"{path}.{name} must be a string, not {Describe(property.ValueKind)}.");
        }

        try
        {
            return property.GetString();
        }
        catch (InvalidOperationException ex)
        {
            // Valid JSON, but an escape of half a UTF-16 surrogate pair ("\ud800") is no text.
            throw new SendGridEventFormatException($"{path}.{name} is not valid text: it holds half of a UTF-16 surrogate pair.", ex);
        }
    }

    private static DateTimeOffset RequiredUnixTime(JsonElement item, string name, string path)
    {
        if (!item.TryGetProperty(name, out var property))
        {
            throw new SendGridEventFormatException($"{path}.{name} is missing; every SendGrid event has one.");
        }

        if (property.ValueKind != JsonValueKind.Number
            || !property.TryGetInt64(out var seconds)
            || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds()
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new SendGridEventFormatException($"{path}.{name} must be a time in unix seconds.");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
