using System.Net;
using System.Text.RegularExpressions;

namespace MentorFlow.Integrations.Email;

/// <summary>
/// Finds the http(s) URLs in an email's bodies and keeps MentorFlow's own, so tests and the dev outbox can follow them.
/// </summary>
internal static partial class OutboxLinks
{
    private static readonly char[] TrailingPunctuation = ['.', ',', ';', ':', '!', '?', '\''];

    /// <summary>Every URL of the text, then of the HTML (decoded first, so <c>&amp;amp;</c> is <c>&amp;</c>), each once.</summary>
    public static IReadOnlyList<string> Find(string text, string html)
    {
        var links = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in new[] { text, WebUtility.HtmlDecode(html) })
        {
            foreach (Match match in Url().Matches(source))
            {
                var link = Trim(match.Value);
                if (seen.Add(link))
                {
                    links.Add(link);
                }
            }
        }

        return links;
    }

    /// <summary>
    /// The <paramref name="links"/> that are MentorFlow's own: same scheme, host and port as
    /// <paramref name="publicBaseUrl"/>, a path below its path, and no user info (<c>https://ours@elsewhere/</c>
    /// is elsewhere, and MentorFlow never writes user info). Order is kept.
    /// </summary>
    public static IReadOnlyList<string> Under(Uri publicBaseUrl, IEnumerable<string> links)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(links);
        var basePath = publicBaseUrl.AbsolutePath.EndsWith('/') ? publicBaseUrl.AbsolutePath : publicBaseUrl.AbsolutePath + "/";
        return [.. links.Where(link =>
            Uri.TryCreate(link, UriKind.Absolute, out var uri)
            && uri.UserInfo.Length == 0
            && string.Equals(uri.Scheme, publicBaseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.IdnHost, publicBaseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
            && uri.Port == publicBaseUrl.Port
            && uri.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal))];
    }

    // A sentence's full stop or a closing parenthesis around a link is not part of it.
    private static string Trim(string link)
    {
        while (true)
        {
            var trimmed = link.TrimEnd(TrailingPunctuation);
            if (trimmed.EndsWith(')') && trimmed.Count(c => c == ')') > trimmed.Count(c => c == '('))
            {
                trimmed = trimmed[..^1];
            }

            if (trimmed == link)
            {
                return link;
            }

            link = trimmed;
        }
    }

    [GeneratedRegex("""https?://[^\s"'<>`]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
