using System.Text.Json.Nodes;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Workflows.Tests.Cohorts;

/// <summary>
/// Sponsorship, Pilot and Rollout on the in-process test host with durations of seconds. The company: Vic manages three
/// sales managers (m1, m2, m3), each with two account executives (a1 a2, b1 b2, c1 c2). Every manager is an eligible
/// mentor (ranked m1, m2, m3, vic); the six account executives are the mentees (ranked a1 … c2), and the pilot takes two.
/// </summary>
public sealed class LaterStagesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset SubmittedAt = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private WorkflowTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await WorkflowTestHost.StartAsync();
        host.Directory.Add(User("v", "vic@example.com", "VP Sales", null));
        foreach (var team in new[] { "m1", "m2", "m3" })
        {
            host.Directory.Add(User(team, $"{team}@example.com", "Sales Manager", "v"));
        }

        foreach (var (seller, manager) in new[] { ("a1", "m1"), ("a2", "m1"), ("b1", "m2"), ("b2", "m2"), ("c1", "m3"), ("c2", "m3") })
        {
            host.Directory.Add(User(seller, $"{seller}@example.com", "Account Executive", manager));
        }
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Sponsor_Declines_ProgramEndsDeclinedWithTheReason()
    {
        var id = await StartAsync(Definition());
        await using var people = new ApprovalDriver(host, id, a => a.Kind switch
        {
            ApprovalKind.Endorsement => (false, "Not this year: budget freeze."),
            _ => (true, null),
        });

        var program = await FinishedAsync(id);

        Assert.Equal(ProgramStatus.Declined, program.Status);
        Assert.Contains("budget freeze", program.Reason, StringComparison.Ordinal);
        Assert.Equal(StageState.Done, Stage(program, StageName.Sponsorship).State);
        Assert.All([StageName.Pilot, StageName.Rollout, StageName.Stories], s => Assert.Equal(StageState.Skipped, Stage(program, s).State));
        Assert.Empty(await host.Stories.ListAsync(id, default));
    }

    [Fact]
    public async Task Sponsor_Endorses_MessageIsTheFirstStory_AndLeadersArePledged()
    {
        var id = await StartAsync(Definition());
        await using var people = new ApprovalDriver(host, id, a => a.Kind switch
        {
            ApprovalKind.Endorsement => (true, "Mentoring is how I learned to lead."),
            ApprovalKind.Pledge => a.SubjectEmail == "m1@example.com" ? (false, "Too busy") : (true, null),
            ApprovalKind.GoNoGo => (false, "Let us learn more first."),
            _ => (true, null),
        });

        var program = await FinishedAsync(id);

        var story = Assert.Single(await host.Stories.ListAsync(id, default), s => s.StoryId == StoryRecord.SponsorStoryId);
        Assert.Equal("Mentoring is how I learned to lead.", story.Story);
        Assert.Equal(StoryStatus.Published, story.Status);
        var pledges = (await host.Approvals.ListAsync(id, default)).Where(a => a.Kind == ApprovalKind.Pledge).ToList();
        // The definition's leader, then the three managers who approved their sellers' nominations.
        Assert.Equal(["dana@example.com", "m1@example.com", "m2@example.com", "m3@example.com"], pledges.Select(p => p.SubjectEmail));
        Assert.All(pledges, p => Assert.Contains("Mentoring is how I learned to lead.", string.Join(" ", p.Description), StringComparison.Ordinal));
        Assert.Equal(3, program.Counts["pledges"]);
        Assert.Equal(1, program.Counts["pledgesDeclined"]);
        Assert.Contains("3 of 4 leaders pledged support", Stage(program, StageName.Sponsorship).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pilot_MentorInvitations_CascadeThroughDeclinesAndTimeouts_AndNeverPairWithinAChain()
    {
        // m1 manages both pilot mentees (a1, a2) and so cannot mentor them; m2 declines; m3 never answers; vic is in
        // everyone's chain. The pilot ends with no-go, so the rollout is skipped.
        var id = await StartAsync(Definition());
        await using var people = new ApprovalDriver(host, id, a => a.Kind switch
        {
            ApprovalKind.MentorInvitation when a.SubjectEmail == "m2@example.com" => (false, "On leave"),
            ApprovalKind.MentorInvitation when a.SubjectEmail == "m3@example.com" => null,
            ApprovalKind.GoNoGo => (false, null),
            _ => (true, null),
        });

        var program = await FinishedAsync(id);

        var invited = (await host.Approvals.ListAsync(id, default)).Where(a => a.Kind == ApprovalKind.MentorInvitation).ToList();
        Assert.Equal(["m1@example.com", "m2@example.com", "m3@example.com", "vic@example.com"], invited.Select(a => a.SubjectEmail));
        Assert.Equal(ApprovalStatus.Declined, invited.Single(a => a.SubjectEmail == "m3@example.com").Status);
        Assert.Equal("timeout", invited.Single(a => a.SubjectEmail == "m3@example.com").Via);
        var pairs = await host.Pairs.ListAsync(id, default);
        Assert.Equal(["a1@example.com", "a2@example.com"], pairs.Select(p => p.MenteeEmail));
        Assert.All(pairs, p =>
        {
            Assert.False(p.IsMatched);
            Assert.Contains("management chain", p.UnmatchedReason, StringComparison.Ordinal);
        });
        Assert.Equal(StageState.Skipped, Stage(program, StageName.Rollout).State);
        Assert.Equal(ProgramStatus.Completed, program.Status);
    }

    [Fact]
    public async Task PilotAndRollout_MatchKickOffCheckIn_ReviewAndGo()
    {
        // Pilot: m1 cannot take its own sellers a1, a2, so m2 is invited too and takes both. Rollout: m2 is full; m1
        // takes two of b1 b2 c1 c2, m3 is invited for the other two and can only take b1, b2 (c1, c2 are its own), so
        // the optimum gives m1 the c's.
        var id = await StartAsync(Definition());
        await using var people = new ApprovalDriver(host, id, _ => (true, "Yes"));

        var program = await FinishedAsync(id);

        var pairs = await host.Pairs.ListAsync(id, default);
        var pilot = pairs.Where(p => p.Stage == StageName.Pilot).ToList();
        Assert.Equal([("a1@example.com", "m2@example.com"), ("a2@example.com", "m2@example.com")], pilot.Select(p => (p.MenteeEmail, p.MentorEmail!)));
        Assert.All(pilot, p => Assert.NotNull(p.KickedOffAt));
        var rollout = pairs.Where(p => p.Stage == StageName.Rollout).ToList();
        Assert.Equal(
            [("b1@example.com", "m3@example.com"), ("b2@example.com", "m3@example.com"), ("c1@example.com", "m1@example.com"), ("c2@example.com", "m1@example.com")],
            rollout.Select(p => (p.MenteeEmail, p.MentorEmail!)));
        Assert.All(pairs, p => Assert.InRange(p.Compatibility, 0.0, 1.0));
        Assert.All(pairs, p => Assert.Equal(p.Compatibility, p.Explanation.Sum(e => e.Contribution), 6));

        // One introduction per pair, to both.
        var kickoffs = host.Email.Sent.Where(m => m.Purpose == "kickoff").ToList();
        Assert.Equal(6, kickoffs.Count);
        Assert.All(kickoffs, k => Assert.Equal(2, k.To.Count));
        Assert.Contains("Lead a pipeline review — measured by: Leads 4 reviews", kickoffs[0].Text, StringComparison.Ordinal);
        Assert.Contains("Meet the mentee every two weeks", kickoffs[0].Text, StringComparison.Ordinal);

        // One check-in per participant per round, each email with its own form link.
        var checkIns = await host.CheckIns.ListAsync(id, default);
        Assert.Equal(4 + 8, checkIns.Count);
        var checkInEmails = host.Email.Sent.Where(m => m.Purpose == "checkin").ToList();
        Assert.Equal(12, checkInEmails.Count);
        Assert.All(checkInEmails, m => Assert.Contains("http://mentorflow.test/api/checkins/", m.Html, StringComparison.Ordinal));

        var lessons = Assert.Single(host.Email.Sent, m => m.Purpose == "lessons-learned");
        Assert.Equal(["pat@example.com", "sam@example.com"], lessons.To.Select(t => t.Email));
        Assert.Contains("0 of 4 answered (0% response rate)", lessons.Text, StringComparison.Ordinal);
        Assert.Contains("go by sam@example.com", Stage(program, StageName.Pilot).Summary, StringComparison.Ordinal);
        Assert.Equal(StageState.Done, Stage(program, StageName.Rollout).State);
        Assert.Equal(4, program.Counts["rolloutPairs"]);
        Assert.Equal(0, program.Counts["rolloutUnmatched"]);
    }

    private static DirectoryUser User(string id, string email, string title, string? manager) =>
        new(id, id.ToUpperInvariant(), email, email, title, "Sales", "US", "Austin", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), true, manager);

    // Approvals the people answer must not lose the race with their timer on a busy machine (3 s lost it), yet the
    // timeout also bounds the stories' collection, which every test waits out: ten seconds.
    private static ProgramDefinition Definition()
    {
        var json = TestDefinitions.Json();
        json["criteria"]!["mentee"] = new JsonObject { ["eligibility"] = new JsonArray("tenureMonths >= 12"), ["maxNominees"] = 6 };
        json["criteria"]!["mentor"] = new JsonObject { ["eligibility"] = new JsonArray("isManager"), ["capacity"] = 2 };
        json["approvals"] = new JsonObject { ["timeout"] = "PT10S", ["reminders"] = new JsonArray(), ["onTimeout"] = "decline" };
        json["sponsorship"] = new JsonObject { ["leaders"] = new JsonArray(new JsonObject { ["name"] = "Dana Lee", ["email"] = "dana@example.com" }) };
        json["pilot"] = new JsonObject { ["pairs"] = 2, ["duration"] = "PT2S", ["checkIns"] = new JsonArray("PT1S") };
        json["rollout"] = new JsonObject { ["duration"] = "PT2S", ["checkIns"] = new JsonArray("PT1S") };
        json["stories"] = new JsonObject { ["requestAfter"] = "PT1S" };
        return TestDefinitions.Parse(json);
    }

    private async Task<string> StartAsync(ProgramDefinition definition)
    {
        var id = ProgramIds.NewId();
        await host.Programs.CreateAsync(ProgramRecord.New(id, definition.Name, SubmittedAt), definition, default);
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ProgramOrchestrator), new ProgramOrchestrationInput(id), new Microsoft.DurableTask.StartOrchestrationOptions(id));
        return id;
    }

    private async Task<ProgramRecord> FinishedAsync(string id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var metadata = await host.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return (await host.Programs.GetAsync(id, default))!;
    }

    private static StageRecord Stage(ProgramRecord program, StageName name) => program.Stages.Single(s => s.Name == name);
}
