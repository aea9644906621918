using System.Globalization;
using System.Text.Json;

namespace MentorFlow.Workflows.Definitions;

/// <summary>
/// Turns a program definition HR submitted as JSON into a typed <see cref="ProgramDefinition"/>, or into
/// every problem with it at once, each with its JSON path and a sentence HR can act on. Never throws for bad
/// input; at most 100 problems are listed, then one more at <c>$</c> says how many were left out.
/// </summary>
public static class ProgramDefinitionParser
{
    /// <summary>Validates an already parsed JSON document.</summary>
    public static DefinitionParseResult Parse(JsonElement root) => DefinitionReader.Read(root);

    /// <summary>Parses and validates JSON text; malformed JSON is one problem at <c>$</c> naming the line and position.</summary>
    public static DefinitionParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            // The reader's own wording for this case talks about "isFinalBlock"; HR deserves better.
            return DefinitionParseResult.Failure(
                [new DefinitionProblem(DefinitionPath.Root, "The program definition is not valid JSON: at line 1, position 1: the body is empty; send a JSON object.")]);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            return DefinitionParseResult.Failure([new DefinitionProblem(DefinitionPath.Root, NotJson(e))]);
        }
    }

    private static string NotJson(JsonException e)
    {
        // The reader's message ends with its own zero-based " LineNumber: 0 | BytePositionInLine: 3." suffix;
        // HR gets one-based numbers in words instead.
        var reason = e.Message;
        var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }

        var line = ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        var position = ((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        return $"The program definition is not valid JSON: at line {line}, position {position}: {reason}";
    }
}
