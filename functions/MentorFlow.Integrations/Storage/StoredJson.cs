using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MentorFlow.Integrations.Storage;

/// <summary>
/// JSON for table properties, written without the escapes System.Text.Json adds for HTML safety: by default '&lt;',
/// '&amp;', quotes and every non-ASCII character become six-character <c>\uXXXX</c> escapes, so a definition within the
/// API's 256 KB body limit could grow six-fold and no longer fit one entity (1 MiB). Here only what JSON requires stays
/// escaped (quote, backslash, control characters, an unpaired surrogate), so a stored form is about as long as the text
/// it holds. Readers are unchanged: it is the same JSON.
/// </summary>
internal static class StoredJson
{
    public static string Serialize<T>(T value, JsonSerializerOptions options) => Unescape(JsonSerializer.Serialize(value, options));

    /// <summary><paramref name="json"/> with every <c>\uXXXX</c> escape JSON does not need replaced by its character.</summary>
    public static string Unescape(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!json.Contains("\\u", StringComparison.Ordinal))
        {
            return json;
        }

        var result = new StringBuilder(json.Length);
        var i = 0;
        while (i < json.Length)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                result.Append(json[i++]);
                continue;
            }

            // An escape: \uXXXX may be undone; any other (\", \\, \n, ...) is copied whole, so "\\u0041" stays as it is.
            if (json[i + 1] == 'u' && TryEscaped(json, i, out var unit))
            {
                if (char.IsHighSurrogate(unit) && TryEscaped(json, i + 6, out var low) && char.IsLowSurrogate(low))
                {
                    result.Append(unit).Append(low);
                    i += 12;
                    continue;
                }

                if (unit >= ' ' && unit is not ('"' or '\\') && !char.IsSurrogate(unit))
                {
                    result.Append(unit);
                    i += 6;
                    continue;
                }
            }

            result.Append(json, i, 2);
            i += 2;
        }

        return result.ToString();
    }

    private static bool TryEscaped(string json, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u'
            || !ushort.TryParse(json.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        unit = (char)code;
        return true;
    }
}
