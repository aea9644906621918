using System.Globalization;
using System.Net;
using System.Text;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Roles;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// The cohort emails — the pair's introduction (kickoff), the check-in request and the pilot's lessons learned — in
/// HTML and plain text alike, every value encoded, every link in both parts.
/// </summary>
public static class CohortEmails
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One introduction per pair, to both: who, why, the role charters, outcomes and measures, the timeline.</summary>
    public static RenderedEmail Kickoff(
        ProgramDefinition definition, RoleCharter roles, PairRecord pair, string stageName, DateTimeOffset start, IReadOnlyList<DateTimeOffset> checkIns, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(pair);
        List<(string Heading, IReadOnlyList<string> Items)> lines =
        [
            ("Why you were matched", [$"Compatibility {pair.Compatibility:0.##}: " + string.Join("; ", pair.Explanation.Select(p => $"{p.Factor} {p.Value:0.##} × weight {p.Weight:0.##}"))]),
            ("Learning outcomes and how they are measured", [.. definition.LearningOutcomes.Select(o => $"{o.Outcome} — measured by: {o.Measure}")]),
            ("Timeline",
            [
                $"Start: {Day(start)}",
                .. checkIns.Select((c, i) => $"Check-in {i + 1}: {Day(c)} (you will get a short form by email)"),
                $"End of the {stageName}: {Day(end)}",
            ]),
            .. roles.Roles.Where(r => r.Role is ProgramRoles.Mentor or ProgramRoles.Mentee)
                .Select(r => ($"As {(r.Role == ProgramRoles.Mentor ? "mentor" : "mentee")}", r.Responsibilities)),
        ];
        return Render(
            $"Meet your mentoring partner — {definition.Name}",
            $"Hello {pair.MentorName} and {pair.MenteeName},",
            [
                $"Welcome to the {stageName} of '{definition.Name}'. {pair.MentorName} will mentor {pair.MenteeName}.",
                $"Purpose: {definition.Purpose}",
                "Please book your first meeting this week; the mentee sets the goals and the agenda.",
            ],
            lines,
            link: null);
    }

    /// <summary>The check-in request: one link to a short form (rating 1–5 and a comment).</summary>
    public static RenderedEmail CheckIn(string programName, CheckInRecord checkIn, Uri link)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return Render(
            $"Check-in {checkIn.Round}: how is mentoring going? — {programName}",
            $"Hello {checkIn.ParticipantName},",
            [
                $"How is your mentoring with {checkIn.PartnerName} going? It takes a minute: rate it from 1 to 5 and add a comment if you like.",
                $"The form is open until {Day(checkIn.DueAt)}.",
            ],
            [],
            ("Answer the check-in", link));
    }

    /// <summary>The pilot's lessons learned, to the program manager and the sponsor.</summary>
    public static RenderedEmail LessonsLearned(string programName, IReadOnlyList<string> summary, IReadOnlyList<string> comments) =>
        Render(
            $"Pilot lessons learned — {programName}",
            "Hello,",
            ["The pilot has ended. Here is what it taught us; the sponsor's go / no-go request follows separately."],
            [("Participation and check-ins", summary), ("Comments from check-ins", comments.Count == 0 ? ["No comments were left."] : comments)],
            link: null);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", Invariant);

    private static RenderedEmail Render(
        string subject, string greeting, IReadOnlyList<string> introduction, IReadOnlyList<(string Heading, IReadOnlyList<string> Items)> sections, (string Label, Uri Url)? link)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:Segoe UI,Arial,sans-serif;color:#1b1b1b;max-width:680px\">\n");
        html.Append("<p>").Append(E(greeting)).Append("</p>\n");
        text.Append(greeting).Append("\n\n");
        foreach (var line in introduction)
        {
            html.Append("<p>").Append(E(line)).Append("</p>\n");
            text.Append(line).Append("\n\n");
        }

        if (link is { } action)
        {
            html.Append("<p><a href=\"").Append(E(action.Url.AbsoluteUri)).Append("\" style=\"background:#0f6cbd;color:#fff;padding:8px 16px;text-decoration:none\">")
                .Append(E(action.Label)).Append("</a></p>\n");
            text.Append(action.Label).Append(": ").Append(action.Url.AbsoluteUri).Append("\n\n");
        }

        foreach (var (heading, items) in sections)
        {
            html.Append("<h3>").Append(E(heading)).Append("</h3>\n<ul>\n");
            text.Append(heading).Append('\n');
            foreach (var item in items)
            {
                html.Append("<li>").Append(E(item)).Append("</li>\n");
                text.Append("- ").Append(item).Append('\n');
            }

            html.Append("</ul>\n");
            text.Append('\n');
        }

        html.Append("<p style=\"color:#555\">Sent by MentorFlow.</p>\n</body></html>\n");
        text.Append("Sent by MentorFlow.\n");
        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
