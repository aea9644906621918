using System.Globalization;
using System.Text;
using static MentorFlow.Workflows.Approvals.Pages.HtmlPage;

namespace MentorFlow.Workflows.Cohorts.Pages;

/// <summary>
/// The check-in and story forms behind the links in participants' emails, and the pages that answer them. Pure
/// rendering, like the approval pages: complete documents, inline CSS, no scripts, every value encoded; errors are
/// listed at the top (announced to screen readers) and tied to their fields. The caller sets the status code;
/// unusable links use <see cref="Approvals.Pages.ApprovalPages.Problem"/>.
/// </summary>
public static class FormPages
{
    public const string RatingField = "rating";
    public const string CommentField = "comment";
    public const string StoryField = "story";
    public const string BestPracticeField = "bestPractice";
    public const string ConsentField = "consent";
    public const string SuggestionField = "suggestion";

    /// <summary>The value the consent checkbox sends when ticked.</summary>
    public const string ConsentValue = "yes";

    public const int CommentMaxLength = 2000;
    public const int StoryMaxLength = 4000;
    public const int BestPracticeMaxLength = 1000;

    /// <summary>The longest email address (RFC 5321 path limit).</summary>
    public const int SuggestionMaxLength = 254;

    /// <summary>The rating scale, 1 to 5, as the form words it.</summary>
    public static IReadOnlyList<string> RatingLabels { get; } = ["Poor", "Fair", "Good", "Very good", "Excellent"];

    /// <summary>The check-in form (GET, or a refused POST with the values typed and what to fix).</summary>
    public static string CheckIn(
        CheckInPageModel model, string formAction, CheckInFormValues? values = null, IReadOnlyList<FormFieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(formAction);
        errors ??= [];

        var body = new StringBuilder();
        AppendHeading(body, model.ProgramName, CheckInTitle(model));
        AppendErrors(body, errors);
        body.Append("<p>Hello ").Append(Encode(model.ParticipantName)).Append(", how is your mentoring with ")
            .Append(Encode(Partner(model))).Append(" going? Your answer takes a minute and helps the program manager support you.</p>\n");
        AppendCheckInDetails(body, model, includeDue: true);

        var ratingError = ErrorFor(errors, RatingField);
        body.Append("<form method=\"post\" action=\"").Append(Encode(formAction)).Append("\">\n")
            .Append("<fieldset id=\"").Append(RatingField).Append('"');
        AppendDescribedBy(body, RatingField, hint: false, ratingError);
        body.Append(">\n<legend>How is it going? (required)</legend>\n");
        AppendFieldError(body, RatingField, ratingError);
        body.Append("<div class=\"choices\">\n");
        for (var rating = 1; rating <= RatingLabels.Count; rating++)
        {
            var id = $"{RatingField}-{rating}";
            body.Append("<label for=\"").Append(id).Append("\"><input type=\"radio\" id=\"").Append(id).Append("\" name=\"")
                .Append(RatingField).Append("\" value=\"").Append(rating).Append("\" required");
            if (values?.Rating == rating.ToString(CultureInfo.InvariantCulture))
            {
                body.Append(" checked");
            }

            body.Append("> ").Append(rating).Append(" — ").Append(Encode(RatingLabels[rating - 1])).Append("</label>\n");
        }

        body.Append("</div>\n</fieldset>\n");
        AppendTextArea(body, CommentField, "Comment (optional)", "What is going well, what is not, anything the program manager should know.",
            CommentMaxLength, rows: 5, required: false, values?.Comment, ErrorFor(errors, CommentField));
        body.Append("<div class=\"actions\">\n<button type=\"submit\" class=\"approve\">Send my check-in</button>\n</div>\n</form>\n")
            .Append("<p class=\"note\">The link works once: after you send, your answer cannot be changed. A rating of ")
            .Append(CheckInAnswer.AlertAtOrBelow).Append(" or lower lets the program manager know at once.</p>\n");
        return Render($"Check-in: {CheckInTitle(model)}", body.ToString());
    }

    /// <summary>The answer to the POST that recorded the check-in.</summary>
    public static string CheckInThanks(CheckInPageModel model, CheckInAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(answer);

        var body = new StringBuilder();
        body.Append("<p class=\"program\">").Append(Encode(model.ProgramName)).Append("</p>\n")
            .Append("<h1>Thank you — your check-in was recorded</h1>\n")
            .Append("<p class=\"status\">Recorded on ").Append(Encode(FormatTime(answer.At))).Append(".</p>\n");
        AppendCheckInDetails(body, model, includeDue: false);
        AppendAnswer(body, answer.Rating, answer.Comment);
        if (answer.Rating <= CheckInAnswer.AlertAtOrBelow)
        {
            body.Append("<p class=\"note\">The program manager has been told and will get in touch with you.</p>\n");
        }

        body.Append("<p>You can close this page.</p>\n");
        return Render($"Check-in recorded: {CheckInTitle(model)}", body.ToString());
    }

    /// <summary>A second visit or POST: the answer given first, and that nothing changed.</summary>
    public static string CheckInAlreadyAnswered(CheckInPageModel model, int rating, string? comment, DateTimeOffset answeredAt)
    {
        ArgumentNullException.ThrowIfNull(model);

        var body = new StringBuilder();
        AppendHeading(body, model.ProgramName, CheckInTitle(model));
        body.Append("<p class=\"status\">Already answered</p>\n")
            .Append("<p class=\"note\">This check-in was answered on ").Append(Encode(FormatTime(answeredAt)))
            .Append(". Nothing was changed.</p>\n");
        AppendCheckInDetails(body, model, includeDue: false);
        AppendAnswer(body, rating, comment);
        return Render($"Already answered: {CheckInTitle(model)}", body.ToString());
    }

    /// <summary>The story form (GET, or a refused POST with the values typed and what to fix).</summary>
    public static string Story(
        StoryPageModel model, string formAction, StoryFormValues? values = null, IReadOnlyList<FormFieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(formAction);
        errors ??= [];

        var body = new StringBuilder();
        AppendHeading(body, model.ProgramName, "Share your mentoring story");
        AppendErrors(body, errors);
        body.Append("<p>Hello ").Append(Encode(model.ParticipantName))
            .Append(", the program is coming to an end. What did mentoring as a ").Append(Encode(model.Role))
            .Append(" change for you? Stories help the next cohort and the leaders who support the program.</p>\n");
        AppendStoryDetails(body, model, includeDue: true);

        body.Append("<form method=\"post\" action=\"").Append(Encode(formAction)).Append("\">\n");
        AppendTextArea(body, StoryField, "Your story (required)", "What happened, what you learned, what changed in your work.",
            StoryMaxLength, rows: 8, required: true, values?.Story, ErrorFor(errors, StoryField));
        AppendTextArea(body, BestPracticeField, "One best practice (optional)", "One thing that worked that other pairs should do too.",
            BestPracticeMaxLength, rows: 3, required: false, values?.BestPractice, ErrorFor(errors, BestPracticeField));

        body.Append("<fieldset>\n<legend>Sharing</legend>\n")
            .Append("<label class=\"check\" for=\"").Append(ConsentField).Append("\"><input type=\"checkbox\" id=\"").Append(ConsentField)
            .Append("\" name=\"").Append(ConsentField).Append("\" value=\"").Append(ConsentValue).Append("\" aria-describedby=\"")
            .Append(ConsentField).Append("-hint\"").Append(values?.ConsentToShare == true ? " checked" : "")
            .Append("> Share my story with my name</label>\n")
            .Append("<p class=\"hint\" id=\"").Append(ConsentField)
            .Append("-hint\">Only then may the program manager publish it in the program's digest. Without it, your story stays with the program team.</p>\n")
            .Append("</fieldset>\n");

        var suggestionError = ErrorFor(errors, SuggestionField);
        body.Append("<label for=\"").Append(SuggestionField).Append("\">A colleague to suggest for the next cohort (optional)</label>\n")
            .Append("<p class=\"hint\" id=\"").Append(SuggestionField).Append("-hint\">Their work email address, e.g. name@example.com.</p>\n");
        AppendFieldError(body, SuggestionField, suggestionError);
        body.Append("<input type=\"email\" id=\"").Append(SuggestionField).Append("\" name=\"").Append(SuggestionField)
            .Append("\" maxlength=\"").Append(SuggestionMaxLength).Append("\" autocomplete=\"off\" value=\"").Append(Encode(values?.Suggestion)).Append('"');
        AppendDescribedBy(body, SuggestionField, hint: true, suggestionError);
        body.Append(">\n")
            .Append("<div class=\"actions\">\n<button type=\"submit\" class=\"approve\">Send my story</button>\n</div>\n</form>\n")
            .Append("<p class=\"note\">The link works once: after you send, your story cannot be changed.</p>\n");
        return Render("Share your mentoring story", body.ToString());
    }

    /// <summary>The answer to the POST that recorded the story.</summary>
    public static string StoryThanks(StoryPageModel model, StorySubmission submission)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(submission);

        var body = new StringBuilder();
        body.Append("<p class=\"program\">").Append(Encode(model.ProgramName)).Append("</p>\n")
            .Append("<h1>Thank you — your story was recorded</h1>\n")
            .Append("<p class=\"status\">Recorded on ").Append(Encode(FormatTime(submission.At))).Append(".</p>\n");
        AppendStoryDetails(body, model, includeDue: false);
        AppendSubmission(body, submission.Story, submission.BestPractice, submission.ConsentToShare, submission.Suggestion);
        body.Append("<p>You can close this page.</p>\n");
        return Render("Story recorded", body.ToString());
    }

    /// <summary>A second visit or POST: the story sent first, and that nothing changed.</summary>
    public static string StoryAlreadySubmitted(StoryPageModel model, StoryRecord stored)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stored);

        var body = new StringBuilder();
        AppendHeading(body, model.ProgramName, "Share your mentoring story");
        body.Append("<p class=\"status\">Already sent</p>\n<p class=\"note\">This story was sent");
        if (stored.SubmittedAt is { } at)
        {
            body.Append(" on ").Append(Encode(FormatTime(at)));
        }

        body.Append(". Nothing was changed.</p>\n");
        AppendStoryDetails(body, model, includeDue: false);
        AppendSubmission(body, stored.Story, stored.BestPractice, stored.ConsentToShare, stored.Suggestion);
        return Render("Story already sent", body.ToString());
    }

    private static string CheckInTitle(CheckInPageModel model) =>
        $"{model.Stage} check-in {model.Round}: your mentoring with {model.PartnerName}";

    private static string Partner(CheckInPageModel model) => model.Role switch
    {
        ParticipantRoles.Mentor => $"your mentee {model.PartnerName}",
        ParticipantRoles.Mentee => $"your mentor {model.PartnerName}",
        _ => model.PartnerName,
    };

    private static void AppendHeading(StringBuilder body, string programName, string title) =>
        body.Append("<p class=\"program\">").Append(Encode(programName)).Append("</p>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n");

    // The summary is announced when the refused form comes back; each entry links to its field.
    private static void AppendErrors(StringBuilder body, IReadOnlyList<FormFieldError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        body.Append("<div class=\"errors\" role=\"alert\">\n<h2>Please correct ")
            .Append(errors.Count == 1 ? "this" : "these").Append(" before sending:</h2>\n<ul>\n");
        foreach (var error in errors)
        {
            body.Append("<li><a href=\"#").Append(Encode(error.Field)).Append("\">").Append(Encode(error.Message)).Append("</a></li>\n");
        }

        body.Append("</ul>\n</div>\n");
    }

    private static string? ErrorFor(IReadOnlyList<FormFieldError> errors, string field) =>
        errors.FirstOrDefault(e => e.Field == field)?.Message;

    private static void AppendFieldError(StringBuilder body, string field, string? error)
    {
        if (error is not null)
        {
            body.Append("<p class=\"error\" id=\"").Append(field).Append("-error\">").Append(Encode(error)).Append("</p>\n");
        }
    }

    private static void AppendDescribedBy(StringBuilder body, string field, bool hint, string? error)
    {
        var ids = new List<string>(2);
        if (hint)
        {
            ids.Add(field + "-hint");
        }

        if (error is not null)
        {
            ids.Add(field + "-error");
        }

        if (ids.Count > 0)
        {
            body.Append(" aria-describedby=\"").Append(string.Join(' ', ids)).Append('"');
        }

        if (error is not null)
        {
            body.Append(" aria-invalid=\"true\"");
        }
    }

    private static void AppendTextArea(
        StringBuilder body, string field, string label, string hint, int maxLength, int rows, bool required, string? value, string? error)
    {
        body.Append("<label for=\"").Append(field).Append("\">").Append(Encode(label)).Append("</label>\n")
            .Append("<p class=\"hint\" id=\"").Append(field).Append("-hint\">").Append(Encode(hint)).Append(" At most ")
            .Append(maxLength.ToString("N0", CultureInfo.InvariantCulture)).Append(" characters.</p>\n");
        AppendFieldError(body, field, error);
        body.Append("<textarea id=\"").Append(field).Append("\" name=\"").Append(field).Append("\" maxlength=\"").Append(maxLength)
            .Append("\" rows=\"").Append(rows).Append('"');
        if (required)
        {
            body.Append(" required");
        }

        AppendDescribedBy(body, field, hint: true, error);
        body.Append('>').Append(Encode(value)).Append("</textarea>\n");
    }

    private static void AppendCheckInDetails(StringBuilder body, CheckInPageModel model, bool includeDue)
    {
        body.Append("<dl>\n<dt>Program</dt><dd>").Append(Encode(model.ProgramName)).Append("</dd>\n")
            .Append("<dt>You</dt><dd>").Append(Encode(model.ParticipantName)).Append(" (").Append(Encode(model.ParticipantEmail))
            .Append("), ").Append(Encode(model.Role)).Append("</dd>\n")
            .Append("<dt>Pair</dt><dd>").Append(Encode(model.Stage.ToString())).Append(" pair ").Append(model.PairNumber)
            .Append(" with ").Append(Encode(model.PartnerName)).Append("</dd>\n")
            .Append("<dt>Round</dt><dd>Check-in ").Append(model.Round).Append("</dd>\n");
        if (includeDue)
        {
            body.Append("<dt>Answer by</dt><dd>").Append(Encode(FormatTime(model.DueAt))).Append("</dd>\n");
        }

        body.Append("</dl>\n");
    }

    private static void AppendStoryDetails(StringBuilder body, StoryPageModel model, bool includeDue)
    {
        body.Append("<dl>\n<dt>Program</dt><dd>").Append(Encode(model.ProgramName)).Append("</dd>\n")
            .Append("<dt>You</dt><dd>").Append(Encode(model.ParticipantName)).Append(" (").Append(Encode(model.ParticipantEmail))
            .Append("), ").Append(Encode(model.Role)).Append("</dd>\n");
        if (includeDue && model.DueAt is { } due)
        {
            body.Append("<dt>Answer by</dt><dd>").Append(Encode(FormatTime(due))).Append("</dd>\n");
        }

        body.Append("</dl>\n");
    }

    private static void AppendAnswer(StringBuilder body, int rating, string? comment)
    {
        var label = rating >= 1 && rating <= RatingLabels.Count ? $" — {RatingLabels[rating - 1]}" : "";
        body.Append("<h2>Your answer</h2>\n<dl>\n<dt>Rating</dt><dd>").Append(rating).Append(" of 5").Append(Encode(label)).Append("</dd>\n</dl>\n");
        if (!string.IsNullOrWhiteSpace(comment))
        {
            body.Append("<blockquote>");
            AppendParagraphs(body, comment);
            body.Append("</blockquote>\n");
        }
    }

    private static void AppendSubmission(StringBuilder body, string? story, string? bestPractice, bool consent, string? suggestion)
    {
        body.Append("<h2>Your story</h2>\n<blockquote>");
        AppendParagraphs(body, story ?? "");
        body.Append("</blockquote>\n");
        if (!string.IsNullOrWhiteSpace(bestPractice))
        {
            body.Append("<h2>Your best practice</h2>\n<blockquote>");
            AppendParagraphs(body, bestPractice);
            body.Append("</blockquote>\n");
        }

        body.Append("<dl>\n<dt>Shared with your name</dt><dd>").Append(consent ? "Yes" : "No").Append("</dd>\n");
        if (!string.IsNullOrWhiteSpace(suggestion))
        {
            body.Append("<dt>Suggested colleague</dt><dd>").Append(Encode(suggestion)).Append("</dd>\n");
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
