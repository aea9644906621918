using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Email;
using static MentorFlow.Workflows.Tests.Forms.FormTestContext;

namespace MentorFlow.Workflows.Tests.Forms;

public sealed class CheckInFormTests
{
    [Fact]
    public async Task Show_ValidLink_ShowsFormWithParticipantPartnerAndRound()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var path = "/api/checkins/" + context.CheckInToken(checkIn);

        var page = await RunAsync(await context.Forms.ShowCheckInAsync(Get(path), context.CheckInToken(checkIn), default));

        Assert.Equal(200, page.Status);
        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"{path}\">", page.Body, StringComparison.Ordinal);
        Assert.Contains("Mia Mentee", page.Body, StringComparison.Ordinal);
        Assert.Contains("your mentor Max Mentor", page.Body, StringComparison.Ordinal);
        Assert.Contains("Pilot check-in 1", page.Body, StringComparison.Ordinal);
        for (var rating = 1; rating <= 5; rating++)
        {
            Assert.Contains($"<input type=\"radio\" id=\"rating-{rating}\" name=\"rating\" value=\"{rating}\" required>", page.Body, StringComparison.Ordinal);
            Assert.Contains($"<label for=\"rating-{rating}\">", page.Body, StringComparison.Ordinal);
        }

        Assert.Contains("<legend>How is it going? (required)</legend>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<label for=\"comment\">Comment (optional)</label>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"", page.Body, StringComparison.Ordinal);
        Assert.False((await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Answered);
    }

    [Fact]
    public async Task Answer_GoodRating_RecordsAuditsAndThanksWithoutAlert()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);

        var page = await RunAsync(await context.Forms.AnswerCheckInAsync(
            Post("/api/checkins/" + token, ("rating", "4"), ("comment", "  Great sessions.  ")), token, default));

        Assert.Equal(200, page.Status);
        Assert.Contains("Thank you", page.Body, StringComparison.Ordinal);
        var stored = (await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!;
        Assert.Equal(4, stored.Rating);
        Assert.Equal("Great sessions.", stored.Comment);
        Assert.Equal(Start, stored.RespondedAt);
        var audited = Assert.Single(context.AuditEntries("CheckInAnswered"));
        Assert.Equal("mia.mentee@example.com", audited.Actor);
        Assert.Contains("rated 4 of 5", audited.Details, StringComparison.Ordinal);
        Assert.Empty(context.Email.Sent);
        Assert.Empty(context.AuditEntries("CheckInAlert"));
    }

    [Fact]
    public async Task Answer_LowRatingPostedTwice_AlertsProgramManagerOnceWithEscapedComment()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        const string Comment = "We never meet. <script>alert('x')</script> & \"no time\"";

        var first = await RunAsync(await context.Forms.AnswerCheckInAsync(
            Post("/api/checkins/" + token, ("rating", "2"), ("comment", Comment)), token, default));
        var second = await RunAsync(await context.Forms.AnswerCheckInAsync(
            Post("/api/checkins/" + token, ("rating", "1"), ("comment", "again")), token, default));

        Assert.Equal(200, first.Status);
        Assert.Equal(409, second.Status);
        var alert = Assert.Single(context.Email.Sent);
        Assert.Equal($"{ProgramId}/checkin-alert/{checkIn.CheckInId}", alert.IdempotencyKey);
        Assert.Equal("checkin-alert", alert.Purpose);
        Assert.Equal(ProgramId, alert.ProgramId);
        Assert.Equal(new EmailAddress("pat@example.com", "Pat Manager"), Assert.Single(alert.To));
        Assert.Contains("Mia Mentee", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("2/5", alert.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", alert.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;no time&quot;", alert.Html, StringComparison.Ordinal);
        Assert.Contains(Comment, alert.Text, StringComparison.Ordinal);
        Assert.Single(context.AuditEntries("CheckInAlert"));
        Assert.Single(context.AuditEntries("CheckInAnswered"));
    }

    [Fact]
    public async Task Answer_SecondPost_ShowsFirstAnswerAndChangesNothing()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        await context.Forms.AnswerCheckInAsync(Post("/api/checkins/" + token, ("rating", "5"), ("comment", "Brilliant mentor.")), token, default);
        context.Time.Now = Start.AddHours(2);

        var again = await RunAsync(await context.Forms.AnswerCheckInAsync(
            Post("/api/checkins/" + token, ("rating", "1"), ("comment", "Changed my mind.")), token, default));

        Assert.Equal(409, again.Status);
        Assert.Contains("Already answered", again.Body, StringComparison.Ordinal);
        Assert.Contains("5 of 5", again.Body, StringComparison.Ordinal);
        Assert.Contains("Brilliant mentor.", again.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Changed my mind.", again.Body, StringComparison.Ordinal);
        var stored = (await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!;
        Assert.Equal(5, stored.Rating);
        Assert.Equal(Start, stored.RespondedAt);
        Assert.Empty(context.Email.Sent);
    }

    [Fact]
    public async Task Show_AnsweredCheckIn_ShowsAlreadyAnswered409()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        await context.Forms.AnswerCheckInAsync(Post("/api/checkins/" + token, ("rating", "3")), token, default);

        var page = await RunAsync(await context.Forms.ShowCheckInAsync(Get("/api/checkins/" + token), token, default));

        Assert.Equal(409, page.Status);
        Assert.Contains("3 of 5", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", page.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("abc")]
    [InlineData("3.5")]
    [InlineData("-1")]
    public async Task Answer_InvalidRating_ReShowsFormWithMessage400(string rating)
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);

        var page = await RunAsync(await context.Forms.AnswerCheckInAsync(
            Post("/api/checkins/" + token, ("rating", rating), ("comment", "Kept when refused")), token, default));

        Assert.Equal(400, page.Status);
        Assert.Contains("role=\"alert\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("Choose a rating from 1 (poor) to 5 (excellent).", page.Body, StringComparison.Ordinal);
        Assert.Contains("<fieldset id=\"rating\" aria-describedby=\"rating-error\" aria-invalid=\"true\">", page.Body, StringComparison.Ordinal);
        Assert.Contains(">Kept when refused</textarea>", page.Body, StringComparison.Ordinal);
        Assert.False((await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Answered);
        Assert.Empty(context.AuditEntries("CheckInAnswered"));
    }

    [Fact]
    public async Task Answer_CommentOver2000Characters_ReShowsFormWithRatingKept400()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);

        var page = await RunAsync(await context.Forms.AnswerCheckInAsync(
            Post("/api/checkins/" + token, ("rating", "3"), ("comment", new string('x', 2001))), token, default));

        Assert.Equal(400, page.Status);
        Assert.Contains("Shorten your comment to 2,000 characters (it has 2,001).", page.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"3\" required checked>", page.Body, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page.Body, StringComparison.Ordinal);
        Assert.False((await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Answered);
    }

    [Fact]
    public async Task Answer_CommentOfExactly2000Characters_IsAccepted()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);

        var page = await RunAsync(await context.Forms.AnswerCheckInAsync(
            Post("/api/checkins/" + token, ("rating", "3"), ("comment", new string('x', 2000))), token, default));

        Assert.Equal(200, page.Status);
    }

    [Fact]
    public async Task Answer_NotAForm_Returns415AndRecordsNothing()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        var request = Get("/api/checkins/" + token);
        request.Method = "POST";
        request.ContentType = "application/json";

        var page = await RunAsync(await context.Forms.AnswerCheckInAsync(request, token, default));

        Assert.Equal(415, page.Status);
        Assert.False((await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Answered);
    }

    [Fact]
    public async Task Answer_AfterDue_Returns410AndRecordsNothing()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        context.Time.Now = checkIn.DueAt.AddMinutes(1);

        var shown = await RunAsync(await context.Forms.ShowCheckInAsync(Get("/api/checkins/" + token), token, default));
        var posted = await RunAsync(await context.Forms.AnswerCheckInAsync(Post("/api/checkins/" + token, ("rating", "4")), token, default));

        Assert.Equal(410, shown.Status);
        Assert.Equal(410, posted.Status);
        Assert.Contains("This check-in link has expired", shown.Body, StringComparison.Ordinal);
        Assert.False((await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Answered);
    }

    [Fact]
    public async Task Answer_TamperedLink_Returns400AndRecordsNothing()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        var posted = await RunAsync(await context.Forms.AnswerCheckInAsync(Post("/api/checkins/" + tampered, ("rating", "4")), tampered, default));
        var malformed = await RunAsync(await context.Forms.ShowCheckInAsync(Get("/api/checkins/not-a-token"), "not-a-token", default));

        Assert.Equal(400, posted.Status);
        Assert.Equal(400, malformed.Status);
        Assert.Contains("This link is not valid", posted.Body, StringComparison.Ordinal);
        Assert.False((await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Answered);
    }

    [Fact]
    public async Task Show_ApprovalToken_Returns404NamingWhatTheLinkIs()
    {
        var context = await WithProgramAsync();
        await context.AddCheckInAsync();
        var token = context.TokenFor("charter", "pat@example.com");

        var page = await RunAsync(await context.Forms.ShowCheckInAsync(Get("/api/checkins/" + token), token, default));

        Assert.Equal(404, page.Status);
        Assert.Contains("This link is not a check-in link", page.Body, StringComparison.Ordinal);
        Assert.Contains("an approval request", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_StoryToken_Returns404AndRecordsNothing()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);

        var page = await RunAsync(await context.Forms.AnswerCheckInAsync(Post("/api/checkins/" + token, ("rating", "4")), token, default));

        Assert.Equal(404, page.Status);
        Assert.Contains("your story form", page.Body, StringComparison.Ordinal);
        Assert.False((await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Answered);
    }

    [Fact]
    public async Task Show_UnknownCheckIn_Returns404()
    {
        var context = await WithProgramAsync();
        var token = context.CheckInToken(CheckIn(pairNumber: 99));

        var page = await RunAsync(await context.Forms.ShowCheckInAsync(Get("/api/checkins/" + token), token, default));

        Assert.Equal(404, page.Status);
        Assert.Contains("Check-in not found", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_TokenForAnotherParticipant_Returns404()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.TokenFor(FormLinks.CheckInPrefix + checkIn.CheckInId, "someone.else@example.com");

        var page = await RunAsync(await context.Forms.ShowCheckInAsync(Get("/api/checkins/" + token), token, default));

        Assert.Equal(404, page.Status);
    }

    [Fact]
    public async Task Answer_AlertRefusedByProvider_StillThanksAndAuditsTheFailure()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        context.Email.FailWith = new EmailSendException("550 mailbox unavailable");

        var page = await RunAsync(await context.Forms.AnswerCheckInAsync(Post("/api/checkins/" + token, ("rating", "1")), token, default));

        Assert.Equal(200, page.Status);
        Assert.Equal(1, (await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Rating);
        Assert.Contains("550 mailbox unavailable", Assert.Single(context.AuditEntries("CheckInAlertFailed")).Details, StringComparison.Ordinal);
        Assert.Empty(context.AuditEntries("CheckInAlert"));
    }

    [Fact]
    public async Task Answer_RepeatAfterFailedAlert_SendsTheAlertThen()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        context.Email.FailWith = new EmailSendException("503 try later");
        await context.Forms.AnswerCheckInAsync(Post("/api/checkins/" + token, ("rating", "2")), token, default);
        context.Email.FailWith = null;

        var again = await RunAsync(await context.Forms.AnswerCheckInAsync(Post("/api/checkins/" + token, ("rating", "2")), token, default));

        Assert.Equal(409, again.Status);
        Assert.Single(context.Email.Sent);
        Assert.Single(context.AuditEntries("CheckInAlert"));
    }
}
