using System.Text.RegularExpressions;

namespace MentorFlow.Infra.Tests.Arm;

/// <summary>
/// Values only Azure knows at deployment time (<c>reference(id).property</c>: a host name, a client id, a secret URI)
/// are kept as markers <c>⟪resource id⟫.property.path</c>, so tests can still tell which resource a value comes from.
/// </summary>
public static partial class RuntimeValue
{
    public const char Open = '⟪';
    public const char Close = '⟫';

    /// <summary>The marker for a resource's runtime properties.</summary>
    public static string Of(string resourceId) => $"{Open}{resourceId}{Close}";

    /// <summary>Whether the text holds a runtime value.</summary>
    public static bool IsIn(string? text) => text is not null && text.Contains(Open, StringComparison.Ordinal);

    /// <summary>Every runtime value in a text: the resource id and the property path after it (without the leading dot).</summary>
    public static IEnumerable<(string ResourceId, string Path, string Text)> Find(string text) =>
        Marker().Matches(text).Select(m => (m.Groups["id"].Value, m.Groups["path"].Value.TrimStart('.'), m.Value));

    [GeneratedRegex(@"⟪(?<id>[^⟫]*)⟫(?<path>(\.[A-Za-z0-9_$]+)*)")]
    private static partial Regex Marker();
}
