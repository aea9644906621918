using System.Globalization;

namespace MentorFlow.Workflows.Definitions;

/// <summary>
/// Builds the paths problems are reported at: <c>$</c> for the document, then dotted camelCase names with
/// array indices (<c>roles[2].responsibilities[0]</c>). A name that is not a plain identifier is quoted
/// (<c>criteria.mentee.selection['win rate']</c>) so the path still points at exactly one place.
/// </summary>
internal static class DefinitionPath
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        if (IsIdentifier(name))
        {
            return parent == Root ? name : parent + "." + name;
        }

        return parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The last step of a path, for messages: "criteria.mentee.eligibility[1]" → "eligibility[1]".</summary>
    public static string Leaf(string path)
    {
        var lastDot = -1;
        var quoted = false;
        for (var i = 0; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '\'':
                    quoted = !quoted;
                    break;
                case '.' when !quoted:
                    lastDot = i;
                    break;
            }
        }

        return path[(lastDot + 1)..];
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
