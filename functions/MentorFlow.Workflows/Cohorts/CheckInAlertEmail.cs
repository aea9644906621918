using System.Globalization;
using System.Net;
using System.Text;
using MentorFlow.Workflows.Email;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// The email that tells the program manager at once about a low check-in rating (at or below
/// <see cref="CheckInAnswer.AlertAtOrBelow"/>): who, which pair and round, the rating and the comment, HTML and text
/// alike, every value encoded.
/// </summary>
public static class CheckInAlertEmail
{
    /// <summary>The purpose the alert travels with (never personal data).</summary>
    public const string Purpose = "checkin-alert";

    /// <summary>One alert per check-in, however often the answer is posted.</summary>
    public static string IdempotencyKey(string programId, string checkInId) => $"{programId}/checkin-alert/{checkInId}";

    public static RenderedEmail Render(string programName, string managerName, CheckInRecord checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var rating = checkIn.Rating ?? throw new ArgumentException("Only an answered check-in alerts.", nameof(checkIn));
        var answeredAt = (checkIn.RespondedAt ?? checkIn.SentAt).UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var partnerRole = checkIn.Role == ParticipantRoles.Mentor ? "mentee" : "mentor";
        var subject = SingleLine($"Check-in alert: {checkIn.ParticipantName} rated their mentoring {rating}/5 — {programName}");
        var lines = new[]
        {
            $"{checkIn.ParticipantName} ({checkIn.ParticipantEmail}, {checkIn.Role}) rated their mentoring {rating} of 5 in check-in {checkIn.Round} of the {checkIn.Stage} cohort.",
            $"Pair {checkIn.PairNumber}, with their {partnerRole} {checkIn.PartnerName}; answered on {answeredAt}.",
        };
        const string Ask = "A rating this low may mean the pair needs help: please get in touch with them soon.";

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:Segoe UI,Arial,sans-serif;color:#1b1b1b;max-width:680px\">\n")
            .Append("<p>Hello ").Append(E(managerName)).Append(",</p>\n")
            .Append("<h2>Low check-in rating: ").Append(rating).Append(" of 5</h2>\n");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        html.Append("<h3>Their comment</h3>\n");
        if (string.IsNullOrWhiteSpace(checkIn.Comment))
        {
            html.Append("<p><em>No comment was given.</em></p>\n");
        }
        else
        {
            html.Append("<blockquote style=\"border-left:4px solid #d0d0d0;margin:0;padding:4px 12px\">\n");
            foreach (var paragraph in Paragraphs(checkIn.Comment))
            {
                html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
            }

            html.Append("</blockquote>\n");
        }

        html.Append("<p>").Append(E(Ask)).Append("</p>\n</body></html>\n");

        var text = new StringBuilder();
        text.Append("Hello ").Append(managerName).Append(",\n\n")
            .Append("Low check-in rating: ").Append(rating).Append(" of 5\n\n");
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        text.Append("\nTheir comment:\n");
        text.Append(string.IsNullOrWhiteSpace(checkIn.Comment)
            ? "  (no comment)\n"
            : string.Concat(Paragraphs(checkIn.Comment).Select(p => "  > " + p + "\n")));
        text.Append('\n').Append(Ask).Append('\n');

        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // A subject is one header line: names never break it.
    private static string SingleLine(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
