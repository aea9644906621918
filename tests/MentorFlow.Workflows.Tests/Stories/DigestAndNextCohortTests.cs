using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stories;

namespace MentorFlow.Workflows.Tests.Stories;

/// <summary>The digest's recipients and batching, and the next cohort's candidates and emails.</summary>
public sealed class DigestAndNextCohortTests : IAsyncLifetime
{
    private WorkflowTestHost host = null!;

    public async Task InitializeAsync() => host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Digest_2500TargetUsersAndLeaders_ThreeBulkSendsNobodyTwice()
    {
        var scenario = new StoriesScenario(host);
        await scenario.CreateAsync(StoriesScenario.Definition(leaders: [("Lee Leader", "lee@example.com"), ("User One", "USER0001@example.com")]));
        for (var i = 1; i <= 2500; i++)
        {
            host.Directory.Add(StoriesScenario.User($"u{i}", $"user{i:D4}@example.com"));
        }

        host.Directory
            .Add(StoriesScenario.User("x1", "marketer@example.com", department: "Marketing"))
            .Add(StoriesScenario.User("x2", "gone@example.com", enabled: false))
            .Add(StoriesScenario.User("x3", "Pat@Example.com"));
        await SaveNominationAsync(scenario.ProgramId, "nomination-0001", "vic@example.com", ApprovalStatus.Approved);
        await SaveNominationAsync(scenario.ProgramId, "nomination-0002", "dan@example.com", ApprovalStatus.Declined);
        await scenario.AddSponsorStoryAsync("Mentoring is how we grow leaders.");
        await scenario.StartAsync();

        var result = await scenario.CompletedAsync();

        var sends = host.Email.SentBulk.Where(m => m.ProgramId == scenario.ProgramId).OrderBy(m => m.IdempotencyKey).ToList();
        Assert.Equal([$"{scenario.ProgramId}/digest/001", $"{scenario.ProgramId}/digest/002", $"{scenario.ProgramId}/digest/003"], sends.Select(m => m.IdempotencyKey));
        Assert.All(sends, m => Assert.InRange(m.Recipients.Count, 1, BulkEmailMessage.MaxRecipients));
        Assert.All(sends, m => Assert.Equal(SendDigestActivity.Purpose, m.Purpose));
        var everyone = sends.SelectMany(m => m.Recipients).Select(r => r.Email).ToList();
        Assert.Equal(everyone.Count, everyone.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(2500 + 4, everyone.Count); // target users, lee, vic (approved nominations), sam (sponsor), pat (program manager)
        foreach (var expected in new[] { "lee@example.com", "vic@example.com", "sam@example.com", "pat@example.com", "user2500@example.com" })
        {
            Assert.Contains(expected, everyone, StringComparer.OrdinalIgnoreCase);
        }

        foreach (var excluded in new[] { "marketer@example.com", "gone@example.com", "dan@example.com" })
        {
            Assert.DoesNotContain(excluded, everyone, StringComparer.OrdinalIgnoreCase);
        }

        Assert.All(sends, m => Assert.Contains("Mentoring is how we grow leaders.", m.Text, StringComparison.Ordinal));
        Assert.Equal(2504, result.Counts["digestRecipients"]);
        Assert.Equal(0, result.Counts["storiesRequested"]);
        Assert.DoesNotContain(host.Email.Sent, m => m.ProgramId == scenario.ProgramId && m.Purpose == SendStoryRequestsActivity.Purpose);
        Assert.Contains(await host.Audit.ListAsync(scenario.ProgramId, default),
            e => e.Action == "DigestSent" && e.Details.EndsWith("sent to 2504 people in 3 batches.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NextCohort_RankedNotNominatedAndStrongPerformersSuggestions_OneEmailPerApprover()
    {
        var scenario = new StoriesScenario(host);
        await scenario.CreateAsync(StoriesScenario.Definition());
        host.Directory
            .Add(StoriesScenario.User("vic", "vic@example.com"))
            .Add(StoriesScenario.User("max", "max@example.com", "vic"))
            .Add(StoriesScenario.User("lee", "lee@example.com", "vic"))
            .Add(StoriesScenario.User("ana", "ana@example.com", "max"))
            .Add(StoriesScenario.User("bo", "bo@example.com", "lee"))
            .Add(StoriesScenario.User("cy", "cy@example.com", "max"))
            .Add(StoriesScenario.User("rita", "rita@example.com", "max"))
            .Add(StoriesScenario.User("ron", "ron@example.com", "lee"))
            .Add(StoriesScenario.User("sue", "sue@example.com", "max"))
            .Add(StoriesScenario.User("tom", "tom@example.com", "lee"))
            .Add(StoriesScenario.User("dis", "dis@example.com", "lee", enabled: false));
        await host.Candidates.SaveAsync(scenario.ProgramId,
        [
            Candidate("ana@example.com", "mentee", eligible: true, rank: 1, nominated: true),
            Candidate("rita@example.com", "mentee", eligible: true, rank: 2, nominated: false),
            Candidate("ron@example.com", "mentee", eligible: true, rank: 3, nominated: false),
            Candidate("orphan@example.com", "mentee", eligible: true, rank: 4, nominated: false),
            Candidate("ina@example.com", "mentee", eligible: false, rank: null, nominated: false),
            Candidate("mo@example.com", "mentor", eligible: true, rank: 1, nominated: false),
        ], default);
        await scenario.AddPairsAsync(StageName.Pilot,
            ("ana@example.com", "Ana", "max@example.com"), ("bo@example.com", "Bo", "lee@example.com"), ("cy@example.com", "Cy", "vic@example.com"));
        await scenario.AddCheckInsAsync("ana@example.com", 5, 4, null); // 4.5: strong (the unanswered one does not count)
        await scenario.AddCheckInsAsync("max@example.com", 3, 4);       // 3.5: not strong
        await scenario.AddCheckInsAsync("bo@example.com", 4, 4);
        await scenario.AddCheckInsAsync("cy@example.com", 5);
        await scenario.AddCheckInsAsync("vic@example.com", 4, 5);
        await scenario.StartAsync();
        var stories = (await scenario.RequestedAsync(6)).ToDictionary(s => s.ParticipantEmail);
        await scenario.SubmitAsync(stories["ana@example.com"], consent: false, suggestion: "sue@example.com");  // listed
        await scenario.SubmitAsync(stories["max@example.com"], consent: false, suggestion: "tom@example.com");  // averages 3.5
        await scenario.SubmitAsync(stories["bo@example.com"], consent: false, suggestion: "RITA@example.com");  // listed already
        await scenario.SubmitAsync(stories["cy@example.com"], consent: false, suggestion: "max@example.com");   // a participant
        await scenario.SubmitAsync(stories["vic@example.com"], consent: false, suggestion: "dis@example.com");  // disabled
        await scenario.SubmitAsync(stories["lee@example.com"], consent: false, suggestion: "nobody@example.com"); // no check-ins

        var result = await scenario.CompletedAsync();

        var next = await host.Stories.ListNextCohortAsync(scenario.ProgramId, default);
        Assert.Equal(
            [
                ("rita@example.com", NextCohortSources.Ranked, (int?)2, (string?)null, (string?)"max@example.com"),
                ("ron@example.com", NextCohortSources.Ranked, 3, null, "lee@example.com"),
                ("orphan@example.com", NextCohortSources.Ranked, 4, null, "pat@example.com"),
                ("sue@example.com", NextCohortSources.Suggested, null, "ana@example.com", "max@example.com"),
            ],
            next.Select(c => (c.Email, c.Source, c.Rank, c.SuggestedBy, c.ApproverEmail)));
        Assert.Equal(4, result.Counts["nextCohortCandidates"]);
        var emails = host.Email.Sent.Where(m => m.Purpose == SuggestNextCohortActivity.Purpose).OrderBy(m => m.IdempotencyKey).ToList();
        Assert.Equal(
            [($"{scenario.ProgramId}/next-cohort/001", "lee@example.com"), ($"{scenario.ProgramId}/next-cohort/002", "max@example.com"), ($"{scenario.ProgramId}/next-cohort/003", "pat@example.com")],
            emails.Select(m => (m.IdempotencyKey, m.To.Single().Email)));
        var toMax = emails[1];
        Assert.Contains("rita@example.com", toMax.Text, StringComparison.Ordinal);
        Assert.Contains("sue@example.com", toMax.Text, StringComparison.Ordinal);
        Assert.Contains("suggested by Ana", toMax.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ron@example.com", toMax.Text, StringComparison.Ordinal);
        Assert.Contains(await host.Audit.ListAsync(scenario.ProgramId, default), e => e.Action == "NextCohortSuggested");
    }

    [Fact]
    public async Task NextCohort_SkipLevelRule_GoesToTheManagersManager()
    {
        var scenario = new StoriesScenario(host);
        var json = TestDefinitions.Json();
        json["stories"] = new System.Text.Json.Nodes.JsonObject { ["requestAfter"] = "PT1S" };
        json["criteria"]!["nominationApprover"] = NominationApprovers.SkipLevel;
        await scenario.CreateAsync(TestDefinitions.Parse(json));
        host.Directory
            .Add(StoriesScenario.User("vic", "vic@example.com"))
            .Add(StoriesScenario.User("max", "max@example.com", "vic"))
            .Add(StoriesScenario.User("rita", "rita@example.com", "max"));
        await host.Candidates.SaveAsync(scenario.ProgramId, [Candidate("rita@example.com", "mentee", eligible: true, rank: 1, nominated: false)], default);
        await scenario.StartAsync();

        await scenario.CompletedAsync();

        Assert.Equal("vic@example.com", Assert.Single(await host.Stories.ListNextCohortAsync(scenario.ProgramId, default)).ApproverEmail);
        Assert.Equal("vic@example.com", Assert.Single(host.Email.Sent, m => m.Purpose == SuggestNextCohortActivity.Purpose).To.Single().Email);
    }

    private static CandidateView Candidate(string email, string pool, bool eligible, int? rank, bool nominated) =>
        new(email, email.Split('@')[0], pool, eligible, [], new Dictionary<string, object?>(), rank is null ? null : 1.0 / rank, rank, [], nominated, null);

    private Task SaveNominationAsync(string programId, string approvalId, string approver, ApprovalStatus status) =>
        host.Approvals.SaveAsync(
            new ApprovalRecord
            {
                ProgramId = programId,
                ApprovalId = approvalId,
                Kind = ApprovalKind.Nomination,
                Title = "nominee",
                Approver = new Person(approver.Split('@')[0], approver),
                Status = status,
                DecidedBy = approver,
                DecidedAt = DateTimeOffset.UtcNow,
                Via = "link",
            },
            default);
}
