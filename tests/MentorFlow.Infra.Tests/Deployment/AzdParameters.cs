using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MentorFlow.Infra.Tests.Deployment;

/// <summary>
/// infra/main.parameters.json as azd reads it: <c>${NAME}</c> and <c>${NAME=default}</c> are replaced from the azd
/// environment; a value left empty is dropped, so the template's default applies (or azd asks for it when there is
/// none); strings become the parameter's declared type.
/// </summary>
public static partial class AzdParameters
{
    /// <summary>Every environment variable main.parameters.json reads, with its default when it has one.</summary>
    public static IReadOnlyDictionary<string, string?> Variables()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (Match match in Placeholder().Matches(File.ReadAllText(RepositoryPaths.MainParameters)))
        {
            variables[match.Groups["name"].Value] = match.Groups["default"].Success ? match.Groups["default"].Value : null;
        }

        return variables;
    }

    /// <summary>The parameters azd would pass to main.bicep with this environment.</summary>
    public static Dictionary<string, JsonNode?> Resolve(JsonObject template, IReadOnlyDictionary<string, string> environment)
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))!["parameters"]!.AsObject();
        var declared = template["parameters"]!.AsObject();
        var result = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, entry) in file)
        {
            var raw = entry!["value"]!.GetValue<string>();
            var value = Placeholder().Replace(raw, m =>
                environment.TryGetValue(m.Groups["name"].Value, out var set) && set.Length > 0
                    ? set
                    : m.Groups["default"].Success ? m.Groups["default"].Value : "");
            if (value.Length == 0)
            {
                continue;
            }

            var type = declared[name]?["type"]?.GetValue<string>()
                ?? throw new InvalidOperationException($"main.parameters.json sets '{name}', which main.bicep does not declare.");
            result[name] = type.ToLowerInvariant() switch
            {
                "bool" => JsonValue.Create(bool.Parse(value)),
                "int" => JsonValue.Create(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
                "object" or "array" or "secureobject" => JsonNode.Parse(value),
                _ => JsonValue.Create(value),
            };
        }

        return result;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(=(?<default>[^}]*))?\}")]
    private static partial Regex Placeholder();
}
