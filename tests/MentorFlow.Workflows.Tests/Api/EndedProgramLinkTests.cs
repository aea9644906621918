using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Tests.Forms;
using static MentorFlow.Workflows.Tests.Forms.FormTestContext;

namespace MentorFlow.Workflows.Tests.Api;

/// <summary>
/// Links of a program that has ended (cancelled, declined, failed, completed): approval, check-in and story links
/// answer 410 on GET and POST with a page saying how and when the program ended, and store nothing — also when the
/// program ended after the page was shown and before its form was posted.
/// </summary>
public sealed class EndedProgramLinkTests
{
    private static readonly DateTimeOffset EndedAt = Start.AddHours(1);

    public static TheoryData<ProgramStatus, string> Ends => new()
    {
        { ProgramStatus.Cancelled, "was cancelled" },
        { ProgramStatus.Declined, "was declined" },
        { ProgramStatus.Failed, "failed" },
        { ProgramStatus.Completed, "was completed" },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public async Task ApprovalLink_ProgramEnded_GetAndPostAnswer410SayingHowAndRecordNothing(ProgramStatus status, string how)
    {
        var (context, token) = await PledgeAsync();
        await context.EndProgramAsync(status, EndedAt);
        var client = new RecordingDurableClient();

        var page = await RunAsync(await context.ApprovalPages.ShowAsync(Get("/api/approvals/" + token), token, default));
        var post = await RunAsync(await context.ApprovalPages.DecideAsync(
            Post("/api/approvals/" + token, ("decision", "approve"), ("comment", "Yes.")), client, token, default));

        AssertEndedPage(page, how);
        AssertEndedPage(post, how);
        await AssertApprovalUntouchedAsync(context, client);
    }

    [Fact]
    public async Task ApprovalLink_ProgramCancelledBetweenPageAndPost_PostAnswers410AndRecordsNothing()
    {
        var (context, token) = await PledgeAsync();
        var client = new RecordingDurableClient();
        var page = await RunAsync(await context.ApprovalPages.ShowAsync(Get("/api/approvals/" + token), token, default));
        await context.EndProgramAsync(ProgramStatus.Cancelled, EndedAt);

        var post = await RunAsync(await context.ApprovalPages.DecideAsync(
            Post("/api/approvals/" + token, ("decision", "decline")), client, token, default));

        Assert.Equal(200, page.Status);
        AssertEndedPage(post, "was cancelled");
        await AssertApprovalUntouchedAsync(context, client);
    }

    [Fact]
    public async Task ApprovalLink_DecidedThenProgramEnded_Answers410NotAlreadyDecided()
    {
        var (context, token) = await PledgeAsync();
        await RunAsync(await context.ApprovalPages.DecideAsync(
            Post("/api/approvals/" + token, ("decision", "approve")), new RecordingDurableClient(), token, default));
        await context.EndProgramAsync(ProgramStatus.Completed, EndedAt);

        var page = await RunAsync(await context.ApprovalPages.ShowAsync(Get("/api/approvals/" + token), token, default));

        AssertEndedPage(page, "was completed");
    }

    [Theory]
    [MemberData(nameof(Ends))]
    public async Task CheckInLink_ProgramEnded_GetAndPostAnswer410SayingHowAndRecordNothing(ProgramStatus status, string how)
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        await context.EndProgramAsync(status, EndedAt);

        var page = await RunAsync(await context.Forms.ShowCheckInAsync(Get("/api/checkins/" + token), token, default));
        var post = await RunAsync(await context.Forms.AnswerCheckInAsync(
            Post("/api/checkins/" + token, ("rating", "1"), ("comment", "We never met.")), token, default));

        AssertEndedPage(page, how);
        AssertEndedPage(post, how);
        Assert.False((await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Answered);
        Assert.Empty(context.Email.Sent); // a rating of 1 alerts the program manager while the program runs
        Assert.Empty(await context.Audit.ListAsync(ProgramId, default));
    }

    [Fact]
    public async Task CheckInLink_ProgramCancelledBetweenPageAndPost_PostAnswers410AndRecordsNothing()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);
        var page = await RunAsync(await context.Forms.ShowCheckInAsync(Get("/api/checkins/" + token), token, default));
        await context.EndProgramAsync(ProgramStatus.Cancelled, EndedAt);

        var post = await RunAsync(await context.Forms.AnswerCheckInAsync(Post("/api/checkins/" + token, ("rating", "5")), token, default));

        Assert.Equal(200, page.Status);
        AssertEndedPage(post, "was cancelled");
        Assert.False((await context.CheckIns.GetAsync(ProgramId, checkIn.CheckInId, default))!.Answered);
        Assert.Empty(await context.Audit.ListAsync(ProgramId, default));
    }

    [Theory]
    [MemberData(nameof(Ends))]
    public async Task StoryLink_ProgramEnded_GetAndPostAnswer410SayingHowAndRecordNothing(ProgramStatus status, string how)
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);
        await context.EndProgramAsync(status, EndedAt);

        var page = await RunAsync(await context.Forms.ShowStoryAsync(Get("/api/stories/" + token), token, default));
        var post = await RunAsync(await context.Forms.SubmitStoryAsync(
            Post("/api/stories/" + token, ("story", "My mentor helped."), ("consent", "yes")), token, default));

        AssertEndedPage(page, how);
        AssertEndedPage(post, how);
        Assert.Null((await context.Stories.GetAsync(ProgramId, story.StoryId, default))!.SubmittedAt);
        Assert.Empty(await context.Audit.ListAsync(ProgramId, default));
    }

    [Fact]
    public async Task StoryLink_ProgramCancelledBetweenPageAndPost_PostAnswers410AndRecordsNothing()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);
        var page = await RunAsync(await context.Forms.ShowStoryAsync(Get("/api/stories/" + token), token, default));
        await context.EndProgramAsync(ProgramStatus.Cancelled, EndedAt);

        var post = await RunAsync(await context.Forms.SubmitStoryAsync(Post("/api/stories/" + token, ("story", "My mentor helped.")), token, default));

        Assert.Equal(200, page.Status);
        AssertEndedPage(post, "was cancelled");
        Assert.Null((await context.Stories.GetAsync(ProgramId, story.StoryId, default))!.SubmittedAt);
        Assert.Empty(await context.Audit.ListAsync(ProgramId, default));
    }

    private static async Task<(FormTestContext Context, string Token)> PledgeAsync()
    {
        var context = await WithProgramAsync();
        await context.Approvals.SaveAsync(Approval("pledge-1", ApprovalKind.Pledge, "lee@example.com", "Lee Leader"), default);
        return (context, context.TokenFor("pledge-1", "lee@example.com"));
    }

    private static void AssertEndedPage(PageResponse page, string how)
    {
        Assert.Equal(410, page.Status);
        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        Assert.Contains("<h1>This program has ended</h1>", page.Body, StringComparison.Ordinal);
        Assert.Contains($"{ProgramName} {how} on 1 Mar 2027, 10:00 UTC", page.Body, StringComparison.Ordinal);
        Assert.Contains("Nothing was recorded.", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", page.Body, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl.ToString());
    }

    private static async Task AssertApprovalUntouchedAsync(FormTestContext context, RecordingDurableClient client)
    {
        var stored = (await context.Approvals.GetAsync(ProgramId, "pledge-1", default))!;
        Assert.Equal(ApprovalStatus.Pending, stored.Status);
        Assert.Null(stored.DecidedAt);
        Assert.Empty(await context.Audit.ListAsync(ProgramId, default));
        Assert.Empty(client.Raised);
    }
}
