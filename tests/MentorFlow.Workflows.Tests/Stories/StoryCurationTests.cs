using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stories;

namespace MentorFlow.Workflows.Tests.Stories;

/// <summary>Curation: stories shared with consent go to the program manager in one batch; approved ones are published.</summary>
public sealed class StoryCurationTests : IAsyncLifetime
{
    private WorkflowTestHost host = null!;

    public async Task InitializeAsync() => host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Curation_ApproveAndDecline_PublishesOnlyTheApprovedAndNeverAsksWithoutConsent()
    {
        var scenario = new StoriesScenario(host);
        await scenario.CreateAsync(StoriesScenario.Definition());
        await scenario.AddPairsAsync(StageName.Pilot, ("ana@example.com", "Ana", "max@example.com"), ("bo@example.com", "Bo", "lee@example.com"));
        await scenario.AddSponsorStoryAsync("Mentoring is how we grow leaders.");
        await scenario.StartAsync();
        var stories = (await scenario.RequestedAsync(4)).ToDictionary(s => s.ParticipantEmail);
        await scenario.SubmitAsync(stories["ana@example.com"], consent: true);
        await scenario.SubmitAsync(stories["bo@example.com"], consent: true);
        await scenario.SubmitAsync(stories["max@example.com"], consent: false);
        await scenario.SubmitAsync(stories["lee@example.com"], consent: true);

        await WorkflowTestHost.EventuallyAsync(
            async () => (await host.Approvals.ListAsync(scenario.ProgramId, default)).Count(a => a.Approver is not null) == 3,
            "the curation was requested");
        var curation = (await host.Approvals.ListAsync(scenario.ProgramId, default)).ToDictionary(a => a.SubjectEmail!);
        Assert.Equal(["ana@example.com", "bo@example.com", "lee@example.com"], curation.Keys.Order());
        Assert.All(curation.Values, a => Assert.Equal(ApprovalKind.StoryCuration, a.Kind));
        Assert.All(curation.Values, a => Assert.Equal("pat@example.com", a.Approver!.Email));
        Assert.Contains("Ana", curation["ana@example.com"].Title, StringComparison.Ordinal);
        Assert.Equal(["Story: What Ana learned.", "Best practice: Tip from Ana."], curation["ana@example.com"].Description);
        var request = Assert.Single(host.Email.Sent, m => m.Purpose == "approval-request");
        Assert.Equal("pat@example.com", request.To.Single().Email);
        Assert.Contains("Publish 3 mentoring stories?", request.Subject, StringComparison.Ordinal);

        await DecideAsync(curation["ana@example.com"], approved: true);
        await DecideAsync(curation["bo@example.com"], approved: false);
        await DecideAsync(curation["lee@example.com"], approved: true);
        var result = await scenario.CompletedAsync();

        var stored = (await host.Stories.ListAsync(scenario.ProgramId, default)).ToDictionary(s => s.ParticipantEmail);
        Assert.Equal(StoryStatus.Published, stored["ana@example.com"].Status);
        Assert.Equal(StoryStatus.NotPublished, stored["bo@example.com"].Status);
        Assert.Equal(StoryStatus.NotPublished, stored["max@example.com"].Status);
        Assert.Equal(StoryStatus.Published, stored["lee@example.com"].Status);
        Assert.Equal(2, result.Counts["storiesPublished"]);
        Assert.StartsWith("4 participants asked; 4 stories, 2 published; digest to ", result.Summary, StringComparison.Ordinal);
        var digest = Assert.Single(host.Email.SentBulk, m => m.ProgramId == scenario.ProgramId);
        Assert.Contains("Mentoring is how we grow leaders.", digest.Text, StringComparison.Ordinal);
        Assert.Contains("What Ana learned.", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Best practice: Tip from lee.", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("What Bo learned.", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("What max learned.", digest.Html, StringComparison.Ordinal);
    }

    /// <summary>What the link handler does: store the decision, then tell the waiting orchestration.</summary>
    private async Task DecideAsync(ApprovalRecord approval, bool approved)
    {
        var decision = new ApprovalDecision(approved, approval.Approver!.Email, DateTimeOffset.UtcNow, null, "link");
        await host.Approvals.DecideAsync(approval.ProgramId, approval.ApprovalId, decision, default);
        await host.Host.Client.RaiseEventAsync(approval.InstanceId!, ApprovalEvents.DecisionFor(approval.ApprovalId), decision);
    }
}
