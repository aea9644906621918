using MentorFlow.Workflows.Cohorts;
using static MentorFlow.Workflows.Tests.Forms.FormTestContext;

namespace MentorFlow.Workflows.Tests.Forms;

public sealed class StoryFormTests
{
    private static readonly (string, string)[] ValidStory =
    [
        ("story", "My mentor showed me how to run a pipeline review.\r\nI now lead them."),
        ("bestPractice", "Bring one real deal to every meeting."),
        ("consent", "yes"),
        ("suggestion", "colleague@example.com"),
    ];

    [Fact]
    public async Task Show_ValidLink_ShowsStoryFormWithEveryFieldLabelled()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);

        var page = await RunAsync(await context.Forms.ShowStoryAsync(Get("/api/stories/" + token), token, default));

        Assert.Equal(200, page.Status);
        Assert.Contains($"<form method=\"post\" action=\"/api/stories/{token}\">", page.Body, StringComparison.Ordinal);
        Assert.Contains("Person 1", page.Body, StringComparison.Ordinal);
        Assert.Contains("<label for=\"story\">Your story (required)</label>", page.Body, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"story\" name=\"story\" maxlength=\"4000\" rows=\"8\" required", page.Body);
        Assert.Matches("<textarea id=\"bestPractice\" name=\"bestPractice\" maxlength=\"1000\"", page.Body);
        Assert.Contains("<input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"yes\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("Share my story with my name</label>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<label for=\"suggestion\">", page.Body, StringComparison.Ordinal);
        Assert.Contains("<input type=\"email\" id=\"suggestion\" name=\"suggestion\"", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ValidStory_RecordsOnceAuditsAndThanks()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);

        var page = await RunAsync(await context.Forms.SubmitStoryAsync(Post("/api/stories/" + token, ValidStory), token, default));

        Assert.Equal(200, page.Status);
        Assert.Contains("Thank you", page.Body, StringComparison.Ordinal);
        var stored = (await context.Stories.GetAsync(ProgramId, story.StoryId, default))!;
        Assert.Equal(StoryStatus.Submitted, stored.Status);
        Assert.Equal("My mentor showed me how to run a pipeline review.\nI now lead them.", stored.Story);
        Assert.Equal("Bring one real deal to every meeting.", stored.BestPractice);
        Assert.True(stored.ConsentToShare);
        Assert.Equal("colleague@example.com", stored.Suggestion);
        Assert.Equal(Start, stored.SubmittedAt);
        var audited = Assert.Single(context.AuditEntries("StorySubmitted"));
        Assert.Equal("person1@example.com", audited.Actor);
        Assert.Contains("may be shared with their name", audited.Details, StringComparison.Ordinal);
        Assert.Contains("colleague@example.com", audited.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_OnlyTheStory_RecordsWithoutConsentOrSuggestion()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);

        var page = await RunAsync(await context.Forms.SubmitStoryAsync(
            Post("/api/stories/" + token, ("story", "Short and good."), ("bestPractice", " "), ("suggestion", "")), token, default));

        Assert.Equal(200, page.Status);
        var stored = (await context.Stories.GetAsync(ProgramId, story.StoryId, default))!;
        Assert.False(stored.ConsentToShare);
        Assert.Null(stored.BestPractice);
        Assert.Null(stored.Suggestion);
        Assert.Contains("not to be shared", Assert.Single(context.AuditEntries("StorySubmitted")).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SecondTime_ShowsFirstStory409AndChangesNothing()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);
        await context.Forms.SubmitStoryAsync(Post("/api/stories/" + token, ValidStory), token, default);
        context.Time.Now = Start.AddHours(1);

        var again = await RunAsync(await context.Forms.SubmitStoryAsync(
            Post("/api/stories/" + token, ("story", "A different story.")), token, default));

        Assert.Equal(409, again.Status);
        Assert.Contains("Already sent", again.Body, StringComparison.Ordinal);
        Assert.Contains("My mentor showed me how to run a pipeline review.", again.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("A different story.", again.Body, StringComparison.Ordinal);
        Assert.Equal(Start, (await context.Stories.GetAsync(ProgramId, story.StoryId, default))!.SubmittedAt);
        Assert.Single(context.AuditEntries("StorySubmitted"));
    }

    [Theory]
    [InlineData("", "story", "Write your story")]
    [InlineData("   ", "story", "Write your story")]
    [InlineData("x4001", "story", "Shorten your story to 4,000 characters (it has 4,001).")]
    public async Task Submit_StoryMissingOrTooLong_ReShowsForm400(string text, string field, string message)
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);
        var value = text == "x4001" ? new string('x', 4001) : text;

        var page = await RunAsync(await context.Forms.SubmitStoryAsync(
            Post("/api/stories/" + token, ("story", value), ("consent", "yes")), token, default));

        Assert.Equal(400, page.Status);
        Assert.Contains(message, page.Body, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#{field}\">", page.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"yes\" aria-describedby=\"consent-hint\" checked>", page.Body, StringComparison.Ordinal);
        Assert.Null((await context.Stories.GetAsync(ProgramId, story.StoryId, default))!.SubmittedAt);
    }

    [Fact]
    public async Task Submit_BestPracticeOver1000Characters_ReShowsForm400()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);

        var page = await RunAsync(await context.Forms.SubmitStoryAsync(
            Post("/api/stories/" + token, ("story", "Fine."), ("bestPractice", new string('b', 1001))), token, default));

        Assert.Equal(400, page.Status);
        Assert.Contains("Shorten your best practice to 1,000 characters", page.Body, StringComparison.Ordinal);
        Assert.Contains(">Fine.</textarea>", page.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ann@example")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData("ann smith@example.com")]
    [InlineData("@example.com")]
    [InlineData("ann@.example.com")]
    public async Task Submit_SuggestionNotAnEmail_ReShowsForm400(string suggestion)
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);

        var page = await RunAsync(await context.Forms.SubmitStoryAsync(
            Post("/api/stories/" + token, ("story", "Fine."), ("suggestion", suggestion)), token, default));

        Assert.Equal(400, page.Status);
        Assert.Contains("Enter your colleague&#39;s email address", page.Body, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"suggestion-hint suggestion-error\" aria-invalid=\"true\">", page.Body, StringComparison.Ordinal);
        Assert.Null((await context.Stories.GetAsync(ProgramId, story.StoryId, default))!.SubmittedAt);
    }

    [Fact]
    public async Task Submit_SuggestingYourself_ReShowsForm400()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);

        var page = await RunAsync(await context.Forms.SubmitStoryAsync(
            Post("/api/stories/" + token, ("story", "Fine."), ("suggestion", "Person1@Example.com")), token, default));

        Assert.Equal(400, page.Status);
        Assert.Contains("not yourself", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AfterDue_Returns410()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);
        context.Time.Now = story.DueAt!.Value.AddSeconds(1);

        var page = await RunAsync(await context.Forms.SubmitStoryAsync(Post("/api/stories/" + token, ValidStory), token, default));

        Assert.Equal(410, page.Status);
        Assert.Contains("This story link has expired", page.Body, StringComparison.Ordinal);
        Assert.Null((await context.Stories.GetAsync(ProgramId, story.StoryId, default))!.SubmittedAt);
    }

    [Fact]
    public async Task Show_CheckInToken_Returns404()
    {
        var context = await WithProgramAsync();
        await context.AddStoryAsync();
        var checkIn = await context.AddCheckInAsync();
        var token = context.CheckInToken(checkIn);

        var page = await RunAsync(await context.Forms.ShowStoryAsync(Get("/api/stories/" + token), token, default));

        Assert.Equal(404, page.Status);
        Assert.Contains("This link is not a story link", page.Body, StringComparison.Ordinal);
        Assert.Contains("your check-in form", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ApprovalToken_Returns404AndRecordsNothing()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.TokenFor(story.StoryId, story.ParticipantEmail);

        var page = await RunAsync(await context.Forms.SubmitStoryAsync(Post("/api/stories/" + token, ValidStory), token, default));

        Assert.Equal(404, page.Status);
        Assert.Null((await context.Stories.GetAsync(ProgramId, story.StoryId, default))!.SubmittedAt);
    }

    [Fact]
    public async Task Submit_TamperedLink_Returns400()
    {
        var context = await WithProgramAsync();
        var story = await context.AddStoryAsync();
        var token = context.StoryToken(story);
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        var page = await RunAsync(await context.Forms.SubmitStoryAsync(Post("/api/stories/" + tampered, ValidStory), tampered, default));

        Assert.Equal(400, page.Status);
        Assert.Null((await context.Stories.GetAsync(ProgramId, story.StoryId, default))!.SubmittedAt);
    }
}
