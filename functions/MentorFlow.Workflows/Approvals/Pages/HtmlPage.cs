using System.Globalization;
using System.Net;
using System.Text;

namespace MentorFlow.Workflows.Approvals.Pages;

/// <summary>The shared frame of the approval and form pages: one self-contained document, inline CSS, no scripts.</summary>
internal static class HtmlPage
{
    /// <summary>
    /// No script may run on these pages, and they load nothing. The meta tag repeats the header
    /// (<see cref="TokenPageResult"/>) for a page saved to disk; <c>frame-ancestors</c> works only as a header.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'";

    // The token is in the URL, so no Referer may carry it.
    private const string Head = $$"""
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="{{ContentSecurityPolicy}}">
        <meta name="referrer" content="no-referrer">
        <meta name="robots" content="noindex, nofollow">
        """;

    private const string Style = """
        <style>
          :root { color-scheme: light; }
          body { margin: 0; background: #f4f5f7; color: #1f2328; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
          main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; }
          h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 1rem; }
          .program { margin: 0 0 .25rem; color: #57606a; font-size: .95rem; }
          .status { margin: 0 0 .25rem; color: #57606a; font-size: .95rem; }
          .note { padding: .75rem 1rem; background: #f6f8fa; border-left: 4px solid #57606a; }
          dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
          dt { font-weight: 600; }
          dd { margin: 0; overflow-wrap: anywhere; }
          label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
          textarea { box-sizing: border-box; width: 100%; min-height: 6rem; padding: .5rem; font: inherit; border: 1px solid #8c959f; border-radius: 6px; }
          .actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }
          button { font: inherit; font-weight: 600; padding: .6rem 1.4rem; border-radius: 6px; border: 1px solid transparent; cursor: pointer; }
          .approve { background: #1a7f37; color: #fff; }
          .decline { background: #fff; color: #a40e26; border-color: #a40e26; }
          input[type=email] { box-sizing: border-box; width: 100%; padding: .5rem; font: inherit; border: 1px solid #8c959f; border-radius: 6px; }
          fieldset { border: 0; margin: 1rem 0 0; padding: 0; }
          legend { font-weight: 600; margin-bottom: .25rem; padding: 0; }
          .choices { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
          .choices label, label.check { display: inline-flex; align-items: center; gap: .4rem; font-weight: 400; margin: 0; }
          .hint { margin: 0 0 .25rem; color: #57606a; font-size: .95rem; }
          .error { margin: .25rem 0 0; color: #a40e26; font-weight: 600; }
          .errors { padding: .75rem 1rem; border: 2px solid #a40e26; border-radius: 6px; background: #fff5f5; }
          .errors h2 { font-size: 1.05rem; margin: 0 0 .25rem; }
          .errors ul { margin: 0; padding-left: 1.25rem; }
          [aria-invalid=true] { border-color: #a40e26; border-width: 2px; }
          button:focus-visible, textarea:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
        </style>
        """;

    /// <summary>A complete document; <paramref name="title"/> is encoded here, <paramref name="body"/> is already HTML.</summary>
    public static string Render(string title, string body)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
            .Append(Head).Append('\n')
            .Append("<title>").Append(Encode(title)).Append(" · MentorFlow</title>\n")
            .Append(Style).Append('\n')
            .Append("</head>\n<body>\n<main>\n")
            .Append(body)
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Encodes text for element content and quoted attribute values alike.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>"27 Nov 2026, 14:05 UTC": always UTC and said so, since the reader's time zone is unknown.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
