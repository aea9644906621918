using System.Net.Mail;
using MentorFlow.Workflows.Approvals.Pages;
using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Cohorts.Pages;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Api;

/// <summary>
/// The check-in and story forms behind the links in participants' emails (<see cref="FormLinks"/>). As with the
/// approval pages, <c>GET</c> only shows the form, <c>POST</c> records the answer once, and the signed token is the
/// credential (no API key). A low check-in rating alerts the program manager at once.
/// </summary>
public sealed partial class FormApi(
    ICheckInStore checkIns,
    IStoryStore stories,
    IProgramStore programs,
    IAuditLog audit,
    IEmailSender email,
    ApprovalTokenService tokens,
    TimeProvider time,
    ILogger<FormApi> logger)
{
    /// <summary><c>GET /api/checkins/{token}</c>: the check-in form.</summary>
    public async Task<IResult> ShowCheckInAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resolved = await ResolveCheckInAsync(token, cancellationToken);
        return resolved.Error ?? Page(StatusCodes.Status200OK, FormPages.CheckIn(resolved.Model!, FormAction(request)));
    }

    /// <summary><c>POST /api/checkins/{token}</c> with form fields <c>rating</c> (1–5) and <c>comment</c>.</summary>
    public async Task<IResult> AnswerCheckInAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resolved = await ResolveCheckInAsync(token, cancellationToken);
        if (resolved.Error is { } error)
        {
            // A repeated POST also makes sure a low rating's alert went out (once, by its key), in case the first
            // POST stored the answer but failed before the alert.
            if (resolved.CheckIn is { Answered: true, Rating: <= CheckInAnswer.AlertAtOrBelow } answered)
            {
                await AlertAsync(resolved.ProgramName!, answered, cancellationToken);
            }

            return error;
        }

        if (!request.HasFormContentType)
        {
            return UseTheForm();
        }

        var form = await FormBody.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return UnreadableForm();
        }

        var values = new CheckInFormValues(form[FormPages.RatingField].ToString().Trim(), form[FormPages.CommentField].ToString());
        var comment = Normalize(values.Comment);
        var errors = new List<FormFieldError>();
        if (!int.TryParse(values.Rating, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rating)
            || rating is < 1 or > 5)
        {
            errors.Add(new FormFieldError(FormPages.RatingField, "Choose a rating from 1 (poor) to 5 (excellent)."));
        }

        if (comment?.Length > FormPages.CommentMaxLength)
        {
            errors.Add(new FormFieldError(FormPages.CommentField,
                $"Shorten your comment to {FormPages.CommentMaxLength:N0} characters (it has {comment.Length:N0})."));
        }

        if (errors.Count > 0)
        {
            return Page(StatusCodes.Status400BadRequest, FormPages.CheckIn(resolved.Model!, FormAction(request), values, errors));
        }

        var checkIn = resolved.CheckIn!;
        var answer = new CheckInAnswer(rating, comment, time.GetUtcNow());
        var stored = await checkIns.AnswerAsync(checkIn.ProgramId, checkIn.CheckInId, answer, cancellationToken);
        var first = stored.RespondedAt == answer.At && stored.Rating == answer.Rating && stored.Comment == answer.Comment;
        if (first)
        {
            await audit.AppendAsync(
                checkIn.ProgramId,
                new AuditEntry(answer.At, checkIn.ParticipantEmail, "CheckInAnswered",
                    $"{checkIn.Stage} check-in {checkIn.Round} of pair {checkIn.PairNumber} answered by {checkIn.ParticipantName} ({checkIn.Role}): rated {answer.Rating} of 5."),
                cancellationToken);
            LogAnswered(logger, checkIn.ProgramId, checkIn.CheckInId, answer.Rating);
        }

        if (stored.Rating <= CheckInAnswer.AlertAtOrBelow)
        {
            await AlertAsync(resolved.ProgramName!, stored, cancellationToken);
        }

        return first
            ? Page(StatusCodes.Status200OK, FormPages.CheckInThanks(resolved.Model!, answer))
            : CheckInAlreadyAnswered(resolved.Model!, stored);
    }

    /// <summary><c>GET /api/stories/{token}</c>: the story form.</summary>
    public async Task<IResult> ShowStoryAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resolved = await ResolveStoryAsync(token, cancellationToken);
        return resolved.Error ?? Page(StatusCodes.Status200OK, FormPages.Story(resolved.Model!, FormAction(request)));
    }

    /// <summary>
    /// <c>POST /api/stories/{token}</c> with form fields <c>story</c>, <c>bestPractice</c>, <c>consent</c> (<c>yes</c> when
    /// ticked) and <c>suggestion</c> (a colleague's email).
    /// </summary>
    public async Task<IResult> SubmitStoryAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resolved = await ResolveStoryAsync(token, cancellationToken);
        if (resolved.Error is { } error)
        {
            return error;
        }

        if (!request.HasFormContentType)
        {
            return UseTheForm();
        }

        var form = await FormBody.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return UnreadableForm();
        }

        var values = new StoryFormValues(
            form[FormPages.StoryField].ToString(),
            form[FormPages.BestPracticeField].ToString(),
            form[FormPages.ConsentField].ToString() == FormPages.ConsentValue,
            form[FormPages.SuggestionField].ToString().Trim());
        var story = resolved.Story!;
        var text = Normalize(values.Story);
        var bestPractice = Normalize(values.BestPractice);
        var suggestion = Normalize(values.Suggestion);
        var errors = new List<FormFieldError>();
        if (text is null)
        {
            errors.Add(new FormFieldError(FormPages.StoryField, "Write your story: a few sentences are enough."));
        }
        else if (text.Length > FormPages.StoryMaxLength)
        {
            errors.Add(new FormFieldError(FormPages.StoryField,
                $"Shorten your story to {FormPages.StoryMaxLength:N0} characters (it has {text.Length:N0})."));
        }

        if (bestPractice?.Length > FormPages.BestPracticeMaxLength)
        {
            errors.Add(new FormFieldError(FormPages.BestPracticeField,
                $"Shorten your best practice to {FormPages.BestPracticeMaxLength:N0} characters (it has {bestPractice.Length:N0})."));
        }

        if (suggestion is not null && !LooksLikeEmail(suggestion))
        {
            errors.Add(new FormFieldError(FormPages.SuggestionField, "Enter your colleague's email address, like name@example.com, or leave it empty."));
        }
        else if (suggestion is not null && suggestion.Equals(story.ParticipantEmail, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FormFieldError(FormPages.SuggestionField, "Suggest a colleague, not yourself, or leave it empty."));
        }

        if (errors.Count > 0)
        {
            return Page(StatusCodes.Status400BadRequest, FormPages.Story(resolved.Model!, FormAction(request), values, errors));
        }

        var submission = new StorySubmission(text!, bestPractice, values.ConsentToShare, suggestion, time.GetUtcNow());
        var stored = await stories.SubmitAsync(story.ProgramId, story.StoryId, submission, cancellationToken);
        if (stored.SubmittedAt != submission.At || stored.Story != submission.Story)
        {
            return StoryAlreadySubmitted(resolved.Model!, stored);
        }

        await audit.AppendAsync(
            story.ProgramId,
            new AuditEntry(submission.At, story.ParticipantEmail, "StorySubmitted",
                $"Story {story.StoryId} submitted by {story.ParticipantName} ({story.Role}); "
                + (submission.ConsentToShare ? "may be shared with their name" : "not to be shared")
                + (suggestion is null ? "." : $"; suggests {suggestion} for the next cohort.")),
            cancellationToken);
        LogStorySubmitted(logger, story.ProgramId, story.StoryId, submission.ConsentToShare);
        return Page(StatusCodes.Status200OK, FormPages.StoryThanks(resolved.Model!, submission));
    }

    private async Task AlertAsync(string programName, CheckInRecord checkIn, CancellationToken cancellationToken)
    {
        var definition = await programs.GetDefinitionAsync(checkIn.ProgramId, cancellationToken);
        if (definition is null)
        {
            LogNoManager(logger, checkIn.ProgramId, checkIn.CheckInId);
            return;
        }

        var manager = definition.ProgramManager;
        var rendered = CheckInAlertEmail.Render(programName, manager.Name, checkIn);
        var key = CheckInAlertEmail.IdempotencyKey(checkIn.ProgramId, checkIn.CheckInId);
        var at = checkIn.RespondedAt ?? time.GetUtcNow();
        try
        {
            await email.SendAsync(
                new EmailMessage(checkIn.ProgramId, CheckInAlertEmail.Purpose, key, [new EmailAddress(manager.Email, manager.Name)], [],
                    rendered.Subject, rendered.Html, rendered.Text),
                cancellationToken);
        }
        catch (ProgramEndedException)
        {
            // The program was cancelled (or ended) meanwhile: it sends nothing more, and the answer is stored.
            return;
        }
        catch (EmailSendException ex)
        {
            // The answer is stored and the participant should not see an error; the audit log tells HR what failed.
            LogAlertFailed(logger, ex, checkIn.ProgramId, checkIn.CheckInId);
            await audit.AppendAsync(checkIn.ProgramId, new AuditEntry(at, AuditActors.System, "CheckInAlertFailed",
                $"The low-rating alert for check-in {checkIn.CheckInId} could not be sent to {manager.Email}: {ex.Message}"), cancellationToken);
            return;
        }

        // The same line on every repeat (time of the answer, same words): the audit log keeps it once.
        await audit.AppendAsync(checkIn.ProgramId, new AuditEntry(at, AuditActors.System, "CheckInAlert",
            $"{checkIn.ParticipantName} rated check-in {checkIn.Round} of {checkIn.Stage} pair {checkIn.PairNumber} {checkIn.Rating} of 5; program manager {manager.Email} alerted."),
            cancellationToken);
    }

    private async Task<ResolvedCheckIn> ResolveCheckInAsync(string token, CancellationToken cancellationToken)
    {
        var (error, check, id) = Verify(token, FormLinks.CheckInPrefix, "check-in");
        if (error is not null)
        {
            return new ResolvedCheckIn(error);
        }

        var claims = check!.Claims!;
        var checkIn = await checkIns.GetAsync(claims.ProgramId, id!, cancellationToken);
        var program = checkIn is null ? null : await programs.GetAsync(claims.ProgramId, cancellationToken);
        if (checkIn is null || program is null || !claims.Approver.Equals(checkIn.ParticipantEmail, StringComparison.OrdinalIgnoreCase))
        {
            return new ResolvedCheckIn(NotFound("Check-in not found", "This check-in does not exist (any more)."));
        }

        if (EndedProgramGate.Refuse(program) is { } ended)
        {
            return new ResolvedCheckIn(ended);
        }

        var model = CheckInPageModel.From(program.Name, checkIn);
        if (checkIn.Answered)
        {
            return new ResolvedCheckIn(CheckInAlreadyAnswered(model, checkIn), checkIn, model, program.Name);
        }

        if (check.Status == ApprovalTokenStatus.Expired)
        {
            return new ResolvedCheckIn(Page(StatusCodes.Status410Gone, ApprovalPages.Problem(
                410, "This check-in link has expired", $"Check-in {checkIn.Round} of {program.Name} was due {HtmlPage.FormatTime(claims.ExpiresAt)}. Nothing was recorded; the next check-in email brings a new link.")));
        }

        return new ResolvedCheckIn(null, checkIn, model, program.Name);
    }

    private async Task<ResolvedStory> ResolveStoryAsync(string token, CancellationToken cancellationToken)
    {
        var (error, check, id) = Verify(token, FormLinks.StoryPrefix, "story");
        if (error is not null)
        {
            return new ResolvedStory(error);
        }

        var claims = check!.Claims!;
        var story = await stories.GetAsync(claims.ProgramId, id!, cancellationToken);
        var program = story is null ? null : await programs.GetAsync(claims.ProgramId, cancellationToken);
        if (story is null || program is null || !claims.Approver.Equals(story.ParticipantEmail, StringComparison.OrdinalIgnoreCase))
        {
            return new ResolvedStory(NotFound("Story request not found", "This story request does not exist (any more)."));
        }

        if (EndedProgramGate.Refuse(program) is { } ended)
        {
            return new ResolvedStory(ended);
        }

        var model = StoryPageModel.From(program.Name, story);
        if (story.SubmittedAt is not null)
        {
            return new ResolvedStory(StoryAlreadySubmitted(model, story));
        }

        if (check.Status == ApprovalTokenStatus.Expired)
        {
            return new ResolvedStory(Page(StatusCodes.Status410Gone, ApprovalPages.Problem(
                410, "This story link has expired", $"Stories for {program.Name} were due {HtmlPage.FormatTime(claims.ExpiresAt)}. Nothing was recorded; the program manager can still take your story.")));
        }

        return new ResolvedStory(null, story, model);
    }

    // The signature first, then the kind: an approval token, or the other form's, never opens this form.
    private (IResult? Error, ApprovalTokenCheck? Check, string? Id) Verify(string token, string prefix, string form)
    {
        var check = tokens.Verify(token);
        if (check.Status is ApprovalTokenStatus.Malformed or ApprovalTokenStatus.BadSignature || check.Claims is null)
        {
            return (Page(StatusCodes.Status400BadRequest, ApprovalPages.Problem(
                400, "This link is not valid", "The link is incomplete or was changed. Open it again from the email, or ask the program manager for a new one.")), null, null);
        }

        var id = check.Claims.ApprovalId;
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length == prefix.Length)
        {
            var what = id.StartsWith(FormLinks.CheckInPrefix, StringComparison.Ordinal) ? "your check-in form"
                : id.StartsWith(FormLinks.StoryPrefix, StringComparison.Ordinal) ? "your story form"
                : "an approval request";
            return (NotFound($"This link is not a {form} link", $"It belongs to {what}, not to the {form} form. Use the link exactly as it is in the email."), null, null);
        }

        return (null, check, id[prefix.Length..]);
    }

    private static IResult CheckInAlreadyAnswered(CheckInPageModel model, CheckInRecord stored) => Page(
        StatusCodes.Status409Conflict,
        FormPages.CheckInAlreadyAnswered(model, stored.Rating ?? 0, stored.Comment, stored.RespondedAt ?? DateTimeOffset.MinValue));

    private static IResult StoryAlreadySubmitted(StoryPageModel model, StoryRecord stored) =>
        Page(StatusCodes.Status409Conflict, FormPages.StoryAlreadySubmitted(model, stored));

    private static IResult UnreadableForm() => Page(StatusCodes.Status400BadRequest, ApprovalPages.Problem(
        400, "The form could not be read", "Send your answer with the page's button."));

    private static IResult UseTheForm() => Page(StatusCodes.Status415UnsupportedMediaType, ApprovalPages.Problem(
        415, "Use the form", "Send your answer with the page's button."));

    private static IResult NotFound(string title, string message) =>
        Page(StatusCodes.Status404NotFound, ApprovalPages.Problem(404, title, message));

    private static string FormAction(HttpRequest request) => request.Path.Value is { Length: > 0 } path ? path : "/";

    // Trimmed, line endings as the browser's CRLF made plain; empty is null.
    private static string? Normalize(string? text)
    {
        var trimmed = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    // One plain address with a dotted domain; display-name forms ("Ann <ann@example.com>") are refused.
    private static bool LooksLikeEmail(string text) =>
        text.Length <= FormPages.SuggestionMaxLength
        && !text.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    private static IResult Page(int status, string html) => new TokenPageResult(status, html);

    private sealed record ResolvedCheckIn(IResult? Error, CheckInRecord? CheckIn = null, CheckInPageModel? Model = null, string? ProgramName = null);

    private sealed record ResolvedStory(IResult? Error, StoryRecord? Story = null, StoryPageModel? Model = null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in {CheckInId} of program {ProgramId} answered through its link (rating {Rating})")]
    private static partial void LogAnswered(ILogger logger, string programId, string checkInId, int rating);

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} of program {ProgramId} submitted through its link (consent: {Consent})")]
    private static partial void LogStorySubmitted(ILogger logger, string programId, string storyId, bool consent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Program {ProgramId} has no definition: no program manager to alert about check-in {CheckInId}")]
    private static partial void LogNoManager(ILogger logger, string programId, string checkInId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The low-rating alert for check-in {CheckInId} of program {ProgramId} could not be sent")]
    private static partial void LogAlertFailed(ILogger logger, Exception exception, string programId, string checkInId);
}
