using System.Globalization;
using System.Net;
using System.Text;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Email;

namespace MentorFlow.Workflows.Stories;

/// <summary>
/// The Stories stage's emails, in HTML and plain text alike with every value encoded: the request for a participant's
/// story (a signed link to the form), the digest of published stories, and a leader's list of next-cohort candidates.
/// </summary>
public static class StoryEmails
{
    private const string HtmlStart = "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:Segoe UI,Arial,sans-serif;color:#1b1b1b;max-width:680px\">\n";

    /// <summary>Asks one participant for their story and one best practice, through their own form link.</summary>
    public static RenderedEmail Request(string programName, StoryRecord story, Uri formLink)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(formLink);
        var due = (story.DueAt ?? story.RequestedAt).UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = $"Share your mentoring story — {programName}";
        string[] lines =
        [
            $"Thank you for taking part in '{programName}' as a {story.Role}.",
            "Please tell us, in a few sentences, what mentoring changed for you, and one best practice you would pass on.",
            "You decide whether your story may be shared with your name in the program's digest; you may also suggest a colleague for the next cohort.",
        ];

        var html = new StringBuilder(HtmlStart);
        html.Append("<p>Hello ").Append(E(story.ParticipantName)).Append(",</p>\n");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        html.Append("<p><a href=\"").Append(E(formLink.AbsoluteUri))
            .Append("\" style=\"background:#0f6cbd;color:#fff;padding:8px 16px;text-decoration:none\">Share your story</a></p>\n");
        html.Append("<p style=\"color:#555\">The link is yours alone and works until ").Append(E(due)).Append(".</p>\n");
        html.Append("</body></html>\n");

        var text = new StringBuilder();
        text.Append("Hello ").Append(story.ParticipantName).Append(",\n\n");
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        text.Append("\nShare your story: ").Append(formLink.AbsoluteUri).Append('\n');
        text.Append("\nThe link is yours alone and works until ").Append(due).Append(".\n");
        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }

    /// <summary>The digest: the sponsor's message (when there is one), then every published story with its best practice.</summary>
    public static RenderedEmail Digest(string programName, StoryRecord? sponsorStory, IReadOnlyList<StoryRecord> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var subject = $"Mentoring stories from {programName}";
        var html = new StringBuilder(HtmlStart);
        html.Append("<h2>").Append(E(subject)).Append("</h2>\n");
        var text = new StringBuilder(subject).Append("\n\n");

        if (sponsorStory is { Story: { } message })
        {
            html.Append("<blockquote style=\"border-left:4px solid #0f6cbd;margin:12px 0;padding:4px 16px\"><p>").Append(E(message)).Append("</p>\n");
            html.Append("<p>— ").Append(E(sponsorStory.ParticipantName)).Append(", executive sponsor</p></blockquote>\n");
            text.Append('"').Append(message).Append("\"\n— ").Append(sponsorStory.ParticipantName).Append(", executive sponsor\n\n");
        }

        foreach (var story in published)
        {
            html.Append("<div style=\"border:1px solid #d0d0d0;border-radius:6px;padding:8px 16px;margin:12px 0\">\n");
            html.Append("<h3>").Append(E(story.ParticipantName)).Append(" (").Append(E(story.Role)).Append(")</h3>\n");
            html.Append("<p>").Append(E(story.Story ?? "")).Append("</p>\n");
            text.Append("* ").Append(story.ParticipantName).Append(" (").Append(story.Role).Append(")\n  ").Append(story.Story).Append('\n');
            if (story.BestPractice is { Length: > 0 } practice)
            {
                html.Append("<p><strong>Best practice:</strong> ").Append(E(practice)).Append("</p>\n");
                text.Append("  Best practice: ").Append(practice).Append('\n');
            }

            html.Append("</div>\n");
            text.Append('\n');
        }

        html.Append("</body></html>\n");
        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }

    /// <summary>Tells a leader who from their organisation is suggested for the program's next cohort (for information; nothing to decide yet).</summary>
    public static RenderedEmail NextCohort(
        string programName, string approverName, IReadOnlyList<NextCohortCandidate> candidates, IReadOnlyDictionary<string, string> suggesterNames)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(suggesterNames);
        var subject = candidates.Count == 1
            ? $"1 person suggested for the next cohort of {programName}"
            : $"{candidates.Count} people suggested for the next cohort of {programName}";
        var intro = $"'{programName}' has finished its stories. These people are suggested for its next cohort; you are told because you would approve their nomination. There is nothing to decide yet.";

        var html = new StringBuilder(HtmlStart);
        html.Append("<p>Hello ").Append(E(approverName)).Append(",</p>\n<p>").Append(E(intro)).Append("</p>\n<ul>\n");
        var text = new StringBuilder("Hello ").Append(approverName).Append(",\n\n").Append(intro).Append("\n\n");
        foreach (var candidate in candidates)
        {
            var why = Why(candidate, suggesterNames);
            html.Append("<li>").Append(E(candidate.Name)).Append(" &lt;").Append(E(candidate.Email)).Append("&gt; — ").Append(E(why)).Append("</li>\n");
            text.Append("* ").Append(candidate.Name).Append(" <").Append(candidate.Email).Append("> — ").Append(why).Append('\n');
        }

        html.Append("</ul>\n</body></html>\n");
        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }

    private static string Why(NextCohortCandidate candidate, IReadOnlyDictionary<string, string> suggesterNames) =>
        candidate.Source == NextCohortSources.Ranked
            ? $"eligible mentee, ranked {candidate.Rank}, not nominated this time"
            : $"suggested by {(candidate.SuggestedBy is { } by ? suggesterNames.GetValueOrDefault(by, by) : "a participant")}, one of the program's strongest participants";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
