using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stories;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Tests.Stories;

/// <summary>The Stories stage's requests and collection: who is asked, with which link, and when collecting ends.</summary>
public sealed class StoryRequestTests : IAsyncLifetime
{
    private WorkflowTestHost host = null!;

    public async Task InitializeAsync() => host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Requests_PersonInSeveralPairs_AskedOnceWithALinkToTheirOwnStory()
    {
        var scenario = new StoriesScenario(host);
        await scenario.CreateAsync(StoriesScenario.Definition());
        await scenario.AddPairsAsync(StageName.Pilot, ("ana@example.com", "Ana", "max@example.com"));
        await scenario.AddPairsAsync(StageName.Rollout,
            ("bo@example.com", "Bo <b>& Co</b>", "MAX@example.com"),
            ("cy@example.com", "Cy", null));
        await scenario.StartAsync();

        var stories = await scenario.RequestedAsync(3);

        Assert.Equal(["0001-mentee", "0002-mentor", "0003-mentee"], stories.Select(s => s.StoryId));
        Assert.Equal(["ana@example.com", "max@example.com", "bo@example.com"], stories.Select(s => s.ParticipantEmail));
        var requests = host.Email.Sent.Where(m => m.Purpose == SendStoryRequestsActivity.Purpose).ToList();
        var tokens = new ApprovalTokenService(
            Options.Create(new ApprovalTokenOptions { SigningKey = Convert.ToBase64String(new byte[32]) }), TimeProvider.System);
        foreach (var story in stories)
        {
            var request = Assert.Single(requests, m => m.IdempotencyKey == $"{scenario.ProgramId}/story-request/{story.StoryId}");
            Assert.Equal(story.ParticipantEmail, Assert.Single(request.To).Email);
            var link = request.Text.Split('\n').Single(l => l.StartsWith("Share your story: ", StringComparison.Ordinal))["Share your story: ".Length..];
            Assert.StartsWith("http://mentorflow.test/" + FormLinks.StoryRoute, link, StringComparison.Ordinal);
            Assert.Contains(link, request.Html, StringComparison.Ordinal);
            var check = tokens.Verify(link["http://mentorflow.test/".Length..][FormLinks.StoryRoute.Length..]);
            Assert.True(check.IsValid);
            Assert.Equal(FormLinks.StoryPrefix + story.StoryId, check.Claims!.ApprovalId);
            Assert.Equal(story.ParticipantEmail, check.Claims.Approver);
        }

        Assert.Contains("Hello Bo &lt;b&gt;&amp; Co&lt;/b&gt;,", requests.Single(m => m.To[0].Email == "bo@example.com").Html, StringComparison.Ordinal);
        Assert.Contains(await host.Audit.ListAsync(scenario.ProgramId, default), e => e.Action == "StoriesRequested" && e.Details.StartsWith("3 participants", StringComparison.Ordinal));
        foreach (var story in stories)
        {
            await scenario.SubmitAsync(story, consent: false);
        }

        Assert.Equal(3, (await scenario.CompletedAsync()).Counts["storiesRequested"]);
    }

    [Fact]
    public async Task Collection_EveryoneAnswered_FinishesLongBeforeTheStoriesAreDue()
    {
        var scenario = new StoriesScenario(host);
        await scenario.CreateAsync(StoriesScenario.Definition(timeout: "PT60S"));
        await scenario.AddPairsAsync(StageName.Pilot, ("ana@example.com", "Ana", "max@example.com"));
        await scenario.StartAsync();
        var stories = await scenario.RequestedAsync(2);

        foreach (var story in stories)
        {
            await scenario.SubmitAsync(story, consent: false);
        }

        var result = await scenario.CompletedAsync();

        // Ended by the answers, not by the 60 s collection timer (measured on the engine's own clock, not the test's).
        var instance = await host.Host.Client.GetInstanceAsync(scenario.InstanceId);
        Assert.NotNull(instance);
        Assert.True(instance.LastUpdatedAt - instance.CreatedAt < TimeSpan.FromSeconds(60), $"The stage ran from {instance.CreatedAt:O} to {instance.LastUpdatedAt:O}.");
        Assert.Equal(2, result.Counts["storiesSubmitted"]);
        Assert.Equal(0, result.Counts["storiesPublished"]);
        Assert.DoesNotContain(host.Email.Sent, m => m.Purpose == "approval-request");
    }

    [Fact]
    public async Task Collection_SomeoneSilent_EndsWhenDueAndTheirStoryStaysRequested()
    {
        var scenario = new StoriesScenario(host);
        await scenario.CreateAsync(StoriesScenario.Definition(timeout: "PT2S"));
        await scenario.AddPairsAsync(StageName.Pilot, ("ana@example.com", "Ana", "max@example.com"));
        await scenario.StartAsync();
        var stories = await scenario.RequestedAsync(2);

        await scenario.SubmitAsync(stories[0], consent: false);
        var result = await scenario.CompletedAsync();

        Assert.Equal(1, result.Counts["storiesSubmitted"]);
        var stored = await host.Stories.ListAsync(scenario.ProgramId, default);
        Assert.Equal(StoryStatus.NotPublished, stored.Single(s => s.StoryId == stories[0].StoryId).Status);
        Assert.Equal(StoryStatus.Requested, stored.Single(s => s.StoryId == stories[1].StoryId).Status);
    }

    [Fact]
    public async Task Stage_NoParticipantsAndNothingToShare_AsksNobodyAndSendsNothing()
    {
        var scenario = new StoriesScenario(host);
        await scenario.CreateAsync(StoriesScenario.Definition());
        await scenario.AddPairsAsync(StageName.Pilot, ("cy@example.com", "Cy", null));
        await scenario.StartAsync();

        var result = await scenario.CompletedAsync();

        Assert.Equal("0 participants asked; 0 stories, 0 published; no digest (nothing to share); 0 next-cohort candidates", result.Summary);
        Assert.Equal(0, result.Counts["storiesRequested"]);
        Assert.Empty(await host.Stories.ListAsync(scenario.ProgramId, default));
        Assert.DoesNotContain(host.Email.Sent, m => m.ProgramId == scenario.ProgramId);
        Assert.DoesNotContain(host.Email.SentBulk, m => m.ProgramId == scenario.ProgramId);
        Assert.Contains(await host.Audit.ListAsync(scenario.ProgramId, default), e => e.Action == "DigestSkipped");
    }
}
