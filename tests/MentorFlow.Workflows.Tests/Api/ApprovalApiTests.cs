using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Tests.Forms;
using static MentorFlow.Workflows.Tests.Forms.FormTestContext;

namespace MentorFlow.Workflows.Tests.Api;

public sealed class ApprovalApiTests
{
    private const string Label = "Your message to the sales leaders — why mentoring matters";

    [Fact]
    public async Task Show_Endorsement_LabelsTheMessageAsRequiredToApprove()
    {
        var (context, token) = await EndorsementAsync();

        var page = await RunAsync(await context.ApprovalPages.ShowAsync(Get("/api/approvals/" + token), token, default));

        Assert.Equal(200, page.Status);
        Assert.Contains($"<label for=\"comment\">{Label}</label>", page.Body, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"comment\" name=\"comment\"[^>]* required aria-required=\"true\"", page.Body);
        Assert.Contains("value=\"decline\" class=\"decline\" formnovalidate>", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Pledge_KeepsTheOptionalComment()
    {
        var context = await WithProgramAsync();
        await context.Approvals.SaveAsync(Approval("pledge-1", ApprovalKind.Pledge, "lee@example.com", "Lee Leader"), default);
        var token = context.TokenFor("pledge-1", "lee@example.com");

        var page = await RunAsync(await context.ApprovalPages.ShowAsync(Get("/api/approvals/" + token), token, default));

        Assert.Equal(200, page.Status);
        Assert.Contains("<label for=\"comment\">Comment (optional)</label>", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("required", page.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    public async Task Decide_EndorsementApprovedWithoutMessage_IsRefused400AndNothingDecided(string comment)
    {
        var (context, token) = await EndorsementAsync();
        var client = new RecordingDurableClient();

        var page = await RunAsync(await context.ApprovalPages.DecideAsync(
            Post("/api/approvals/" + token, ("decision", "approve"), ("comment", comment)), client, token, default));

        Assert.Equal(400, page.Status);
        Assert.Contains("Please write a short message", page.Body, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", page.Body, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await context.Approvals.GetAsync(ProgramId, "endorsement", default))!.Status);
        Assert.Empty(client.Raised);
    }

    [Fact]
    public async Task Decide_EndorsementApprovedWithMessage_IsRecordedWithTheMessage()
    {
        var (context, token) = await EndorsementAsync();
        var client = new RecordingDurableClient();

        var page = await RunAsync(await context.ApprovalPages.DecideAsync(
            Post("/api/approvals/" + token, ("decision", "approve"), ("comment", "Mentoring is how we grow leaders.")), client, token, default));

        Assert.Equal(200, page.Status);
        var stored = (await context.Approvals.GetAsync(ProgramId, "endorsement", default))!;
        Assert.Equal(ApprovalStatus.Approved, stored.Status);
        Assert.Equal("Mentoring is how we grow leaders.", stored.Comment);
        var raised = Assert.Single(client.Raised);
        Assert.Equal(ApprovalEvents.DecisionFor("endorsement"), raised.EventName);
    }

    [Fact]
    public async Task Decide_EndorsementDeclinedWithoutMessage_IsRecorded()
    {
        var (context, token) = await EndorsementAsync();

        var page = await RunAsync(await context.ApprovalPages.DecideAsync(
            Post("/api/approvals/" + token, ("decision", "decline")), new RecordingDurableClient(), token, default));

        Assert.Equal(200, page.Status);
        Assert.Equal(ApprovalStatus.Declined, (await context.Approvals.GetAsync(ProgramId, "endorsement", default))!.Status);
    }

    [Fact]
    public async Task Decide_PledgeApprovedWithoutComment_IsRecorded()
    {
        var context = await WithProgramAsync();
        await context.Approvals.SaveAsync(Approval("pledge-1", ApprovalKind.Pledge, "lee@example.com", "Lee Leader"), default);
        var token = context.TokenFor("pledge-1", "lee@example.com");

        var page = await RunAsync(await context.ApprovalPages.DecideAsync(
            Post("/api/approvals/" + token, ("decision", "approve")), new RecordingDurableClient(), token, default));

        Assert.Equal(200, page.Status);
        Assert.Equal(ApprovalStatus.Approved, (await context.Approvals.GetAsync(ProgramId, "pledge-1", default))!.Status);
    }

    [Fact]
    public async Task Show_CheckInToken_Returns404SayingItIsACheckInLink()
    {
        var context = await WithProgramAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);

        var page = await RunAsync(await context.ApprovalPages.ShowAsync(Get("/api/approvals/" + token), token, default));

        Assert.Equal(404, page.Status);
        Assert.Contains("This link is not an approval", page.Body, StringComparison.Ordinal);
        Assert.Contains("check-in", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_StoryToken_Returns404AndRaisesNothing()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.TokenFor(FormLinks.StoryPrefix + story.StoryId, story.ParticipantEmail);
        var client = new RecordingDurableClient();

        var page = await RunAsync(await context.ApprovalPages.DecideAsync(
            Post("/api/approvals/" + token, ("decision", "approve")), client, token, default));

        Assert.Equal(404, page.Status);
        Assert.Empty(client.Raised);
    }

    private static async Task<(FormTestContext Context, string Token)> EndorsementAsync()
    {
        var context = await WithProgramAsync();
        await context.Approvals.SaveAsync(Approval("endorsement", ApprovalKind.Endorsement), default);
        return (context, context.TokenFor("endorsement", "sam@example.com"));
    }
}
