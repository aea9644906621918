using System.Text;
using Microsoft.AspNetCore.Http;
using MentorFlow.Workflows.Programs;
using Microsoft.AspNetCore.WebUtilities;
using static MentorFlow.Workflows.Approvals.Pages.HtmlPage;

namespace MentorFlow.Workflows.Approvals.Pages;

/// <summary>
/// The pages an approver sees after clicking an approval link. Pure rendering: each method returns a complete,
/// self-contained HTML document (inline CSS, no scripts) with every value encoded; the caller sets the status code.
/// </summary>
public static class ApprovalPages
{
    /// <summary>The form value of the approve button.</summary>
    public const string Approve = "approve";

    /// <summary>The form value of the decline button.</summary>
    public const string Decline = "decline";

    /// <summary>The form field holding the chosen decision (<see cref="Approve"/> or <see cref="Decline"/>).</summary>
    public const string DecisionField = "decision";

    /// <summary>The optional form field holding the approver's comment.</summary>
    public const string CommentField = "comment";

    /// <summary>The longest comment the form accepts; the handler should enforce it too.</summary>
    public const int CommentMaxLength = 2000;

    /// <summary>
    /// The page a link opens (GET): what is asked, and a form that POSTs the decision to <paramref name="formAction"/>.
    /// It decides nothing by itself, because mail scanners open links before people do.
    /// </summary>
    /// <param name="model">The request.</param>
    /// <param name="formAction">Where the form posts (the link's own path).</param>
    /// <param name="error">
    /// Why the last POST was refused (e.g. an endorsement without its message), shown above the comment field and
    /// tied to it for screen readers; null on first view.
    /// </param>
    public static string Confirmation(ApprovalPageModel model, string formAction, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(formAction);

        var required = model.CommentRequiredToApprove;
        var label = model.CommentLabel ?? (required ? "Your message (required to approve)" : "Comment (optional)");
        var body = new StringBuilder();
        AppendHeading(body, model.ProgramName, model.Title);
        body.Append("<p class=\"status\">Approval requested — you are asked to approve or decline.</p>\n");
        if (error is not null)
        {
            body.Append("<div class=\"errors\" role=\"alert\"><p class=\"error\" id=\"").Append(CommentField).Append("-error\">")
                .Append(Encode(error)).Append("</p></div>\n");
        }

        AppendDescription(body, model.Description);
        AppendDetails(body, model, includeDue: true);
        body.Append("<form method=\"post\" action=\"").Append(Encode(formAction)).Append("\">\n")
            .Append("<label for=\"").Append(CommentField).Append("\">").Append(Encode(label)).Append("</label>\n");
        if (required)
        {
            body.Append("<p class=\"hint\" id=\"").Append(CommentField).Append("-hint\">Required to approve; not needed to decline.</p>\n");
        }

        // The browser checks the required message on Approve only: Decline carries formnovalidate.
        body.Append("<textarea id=\"").Append(CommentField).Append("\" name=\"").Append(CommentField)
            .Append("\" maxlength=\"").Append(CommentMaxLength).Append("\" rows=\"4\"");
        if (required)
        {
            body.Append(" required aria-required=\"true\" aria-describedby=\"").Append(CommentField).Append("-hint")
                .Append(error is null ? "" : $" {CommentField}-error").Append('"');
        }

        if (error is not null)
        {
            body.Append(" aria-invalid=\"true\"");
        }

        body.Append("></textarea>\n")
            .Append("<div class=\"actions\">\n")
            .Append("<button type=\"submit\" name=\"").Append(DecisionField).Append("\" value=\"").Append(Approve).Append("\" class=\"approve\">Approve</button>\n")
            .Append("<button type=\"submit\" name=\"").Append(DecisionField).Append("\" value=\"").Append(Decline).Append("\" class=\"decline\"")
            .Append(required ? " formnovalidate" : "").Append(">Decline</button>\n")
            .Append("</div>\n</form>\n")
            .Append("<p class=\"note\">Nothing has been decided yet: your decision is recorded only when you press Approve or Decline.</p>\n");

        return Render($"Approve or decline: {model.Title}", body.ToString());
    }

    /// <summary>The answer to the POST that recorded the decision.</summary>
    /// <param name="model">The request that was decided.</param>
    /// <param name="decision"><see cref="Approve"/> or <see cref="Decline"/> (or "approved" / "declined").</param>
    /// <param name="decidedAt">When the decision was recorded.</param>
    /// <param name="comment">The approver's comment, if any.</param>
    public static string Result(ApprovalPageModel model, string decision, DateTimeOffset decidedAt, string? comment)
    {
        ArgumentNullException.ThrowIfNull(model);
        var outcome = Outcome(decision) ?? throw new ArgumentOutOfRangeException(
            nameof(decision), decision, $"A decision is \"{Approve}\" or \"{Decline}\".");

        var body = new StringBuilder();
        body.Append("<p class=\"program\">").Append(Encode(model.ProgramName)).Append("</p>\n")
            .Append("<h1>Thank you — you ").Append(outcome).Append(" “").Append(Encode(model.Title)).Append("”</h1>\n")
            .Append("<p class=\"status\">Decision recorded: ").Append(outcome).Append(", on ")
            .Append(Encode(FormatTime(decidedAt))).Append(".</p>\n");
        AppendDetails(body, model, includeDue: false);
        if (!string.IsNullOrWhiteSpace(comment))
        {
            body.Append("<h2>Your comment</h2>\n<blockquote>");
            AppendParagraphs(body, comment);
            body.Append("</blockquote>\n");
        }

        body.Append("<p>Your decision has been recorded. You can close this page.</p>\n");
        return Render($"You {outcome}: {model.Title}", body.ToString());
    }

    /// <summary>
    /// The answer to a second click (or a click after a timeout policy decided): who decided what, and that
    /// nothing changed. A <paramref name="decision"/> other than approve / decline is shown as given.
    /// </summary>
    public static string AlreadyDecided(ApprovalPageModel model, string decision, string decidedBy, DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        var outcome = Outcome(decision) ?? Encode(decision.Trim());

        var body = new StringBuilder();
        AppendHeading(body, model.ProgramName, model.Title);
        body.Append("<p class=\"status\">Already decided</p>\n")
            .Append("<p class=\"note\">This request was already decided on ").Append(Encode(FormatTime(decidedAt)))
            .Append(" by ").Append(Encode(decidedBy.Trim())).Append(": ").Append(outcome)
            .Append(". Nothing was changed.</p>\n");
        AppendDetails(body, model, includeDue: false);
        return Render($"Already decided: {model.Title}", body.ToString());
    }

    /// <summary>
    /// A link that cannot be used: tampered with (400), unknown (404), superseded (409 or 410) or expired (410; see
    /// <see cref="Expired"/>). <paramref name="message"/> is plain text; each line becomes a paragraph.
    /// </summary>
    public static string Problem(int statusCode, string title, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(message);

        var reason = ReasonPhrases.GetReasonPhrase(statusCode);
        var body = new StringBuilder();
        body.Append("<p class=\"status\">Error ").Append(statusCode);
        if (reason.Length > 0)
        {
            body.Append(" — ").Append(Encode(reason));
        }

        body.Append("</p>\n<h1>").Append(Encode(title)).Append("</h1>\n");
        AppendParagraphs(body, message);
        return Render(title, body.ToString());
    }

    /// <summary>The 410 page for an expired link: what expired and when, that nothing changed, and who can help.</summary>
    public static string Expired(ApprovalPageModel model, DateTimeOffset expiredAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Problem(
            StatusCodes.Status410Gone,
            "This approval link has expired",
            $"The link to approve or decline “{model.Title}” for {model.ProgramName} expired on {FormatTime(expiredAt)}. Nothing was changed.\n"
            + "If the request is still open, a reminder email will bring a new link, or the program manager can help.");
    }

    /// <summary>
    /// The 410 page of any token link (approval, check-in, story) whose program has ended: how it ended
    /// (<paramref name="status"/>: cancelled, declined, failed or completed), when, and that nothing was recorded.
    /// </summary>
    public static string ProgramEnded(string programName, ProgramStatus status, DateTimeOffset? endedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(programName);
        var how = status switch
        {
            ProgramStatus.Cancelled => "was cancelled",
            ProgramStatus.Declined => "was declined",
            ProgramStatus.Failed => "failed",
            ProgramStatus.Completed => "was completed",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only an ended program has this page."),
        };
        var when = endedAt is { } at ? $" on {FormatTime(at)}" : "";
        return Problem(
            StatusCodes.Status410Gone,
            "This program has ended",
            $"{programName} {how}{when}, so this link no longer records anything. Nothing was recorded.\n"
            + "If you have a question about the program, ask its program manager.");
    }

    // Approve / decline as the past tense a sentence needs; null for anything else.
    private static string? Outcome(string? decision) => decision?.Trim().ToUpperInvariant() switch
    {
        "APPROVE" or "APPROVED" => "approved",
        "DECLINE" or "DECLINED" => "declined",
        _ => null,
    };

    private static void AppendHeading(StringBuilder body, string programName, string title) =>
        body.Append("<p class=\"program\">").Append(Encode(programName)).Append("</p>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n");

    private static void AppendDescription(StringBuilder body, IReadOnlyList<string>? description)
    {
        foreach (var paragraph in description ?? [])
        {
            if (!string.IsNullOrWhiteSpace(paragraph))
            {
                body.Append("<p>").Append(Encode(paragraph.Trim())).Append("</p>\n");
            }
        }
    }

    // The due time matters only while a decision is still wanted.
    private static void AppendDetails(StringBuilder body, ApprovalPageModel model, bool includeDue)
    {
        body.Append("<dl>\n<dt>Program</dt><dd>").Append(Encode(model.ProgramName)).Append("</dd>\n")
            .Append("<dt>Approver</dt><dd>");
        if (!string.IsNullOrWhiteSpace(model.ApproverName))
        {
            body.Append(Encode(model.ApproverName)).Append(" (").Append(Encode(model.ApproverEmail)).Append(')');
        }
        else
        {
            body.Append(Encode(model.ApproverEmail));
        }

        body.Append("</dd>\n");
        if (includeDue && model.DueAt is { } due)
        {
            body.Append("<dt>Decision due</dt><dd>").Append(Encode(FormatTime(due))).Append("</dd>\n");
        }

        body.Append("</dl>\n");
    }

    private static void AppendParagraphs(StringBuilder body, string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Append("<p>").Append(Encode(line)).Append("</p>\n");
        }
    }
}
