using System.Text.Json.Nodes;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using MentorFlow.Workflows.Stories;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Workflows.Tests.Stories;

/// <summary>Builds what the Stories stage reads — a program, pairs, check-ins, directory users — and runs the stage on the test host.</summary>
internal sealed class StoriesScenario(WorkflowTestHost host)
{
    public string ProgramId { get; } = ProgramIds.NewId();

    public string InstanceId => $"{ProgramId}-stories";

    /// <summary>The sample definition with a 1 s wait before stories are asked for and a short approval policy.</summary>
    public static ProgramDefinition Definition(string timeout = "PT30S", params (string Name, string Email)[] leaders)
    {
        var json = TestDefinitions.Json();
        json["stories"] = new JsonObject { ["requestAfter"] = "PT1S" };
        json["approvals"] = new JsonObject { ["timeout"] = timeout, ["reminders"] = new JsonArray(), ["onTimeout"] = "decline" };
        json["sponsorship"] = new JsonObject
        {
            ["leaders"] = new JsonArray([.. leaders.Select(l => (JsonNode)new JsonObject { ["name"] = l.Name, ["email"] = l.Email })]),
        };
        return TestDefinitions.Parse(json);
    }

    public static DirectoryUser User(string id, string email, string? manager = null, bool enabled = true, string department = "Sales") =>
        new(id, email.Split('@')[0], email, email, "Account Executive", department, "US", null, null, enabled, manager);

    public async Task CreateAsync(ProgramDefinition definition)
    {
        var now = DateTimeOffset.UtcNow;
        await host.Programs.CreateAsync(ProgramRecord.New(ProgramId, definition.Name, now), definition, default);
        host.Programs.Charters[ProgramId] = ProgramCharter.From(definition, now);
    }

    public Task AddPairsAsync(StageName stage, params (string Mentee, string MenteeName, string? Mentor)[] pairs) =>
        host.Pairs.ReplaceAsync(ProgramId, stage, [.. pairs.Select((p, i) => new PairRecord
        {
            ProgramId = ProgramId,
            Stage = stage,
            PairNumber = i + 1,
            MenteeEmail = p.Mentee,
            MenteeName = p.MenteeName,
            MentorEmail = p.Mentor,
            MentorName = p.Mentor?.Split('@')[0],
            UnmatchedReason = p.Mentor is null ? "no mentor with capacity" : null,
            MatchedAt = DateTimeOffset.UtcNow,
        })], default);

    /// <summary>Check-ins of one participant, one per round; a null rating stays unanswered.</summary>
    public async Task AddCheckInsAsync(string email, params int?[] ratings)
    {
        for (var round = 1; round <= ratings.Length; round++)
        {
            var checkInId = $"pilot-{round}-{email}";
            await host.CheckIns.AddAsync(
            [
                new CheckInRecord
                {
                    ProgramId = ProgramId,
                    CheckInId = checkInId,
                    Stage = StageName.Pilot,
                    Round = round,
                    PairNumber = 1,
                    Role = ParticipantRoles.Mentee,
                    ParticipantEmail = email,
                    ParticipantName = email,
                    PartnerName = "partner",
                    SentAt = DateTimeOffset.UtcNow,
                    DueAt = DateTimeOffset.UtcNow.AddDays(1),
                },
            ], default);
            if (ratings[round - 1] is { } rating)
            {
                await host.CheckIns.AnswerAsync(ProgramId, checkInId, new CheckInAnswer(rating, null, DateTimeOffset.UtcNow), default);
            }
        }
    }

    public Task AddSponsorStoryAsync(string message) =>
        host.Stories.AddAsync(
        [
            new StoryRecord
            {
                ProgramId = ProgramId,
                StoryId = StoryRecord.SponsorStoryId,
                Role = ParticipantRoles.Sponsor,
                ParticipantEmail = "sam@example.com",
                ParticipantName = "Sam Sponsor",
                RequestedAt = DateTimeOffset.UtcNow,
                Story = message,
                ConsentToShare = true,
                SubmittedAt = DateTimeOffset.UtcNow,
                Status = StoryStatus.Published,
            },
        ], default);

    public Task StartAsync() =>
        host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(StoriesOrchestrator), new StageInput(ProgramId, DateTimeOffset.UtcNow), new StartOrchestrationOptions(InstanceId));

    /// <summary>Waits until the request emails went out to this many participants; returns the participants' stories.</summary>
    public async Task<IReadOnlyList<StoryRecord>> RequestedAsync(int participants)
    {
        await WorkflowTestHost.EventuallyAsync(
            () => Task.FromResult(host.Email.Sent.Count(m => m.ProgramId == ProgramId && m.Purpose == SendStoryRequestsActivity.Purpose) == participants),
            $"{participants} story requests were sent");
        return [.. (await host.Stories.ListAsync(ProgramId, default)).Where(s => s.StoryId != StoryRecord.SponsorStoryId)];
    }

    /// <summary>What the story form does with an answer.</summary>
    public Task SubmitAsync(StoryRecord story, bool consent, string? suggestion = null) =>
        host.Stories.SubmitAsync(
            ProgramId, story.StoryId,
            new StorySubmission($"What {story.ParticipantName} learned.", $"Tip from {story.ParticipantName}.", consent, suggestion, DateTimeOffset.UtcNow),
            default);

    public async Task<StageResult> CompletedAsync()
    {
        // Generous for a busy 2-core machine; tests that must end before a timer say so against the engine's clock.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var metadata = await host.Host.Client.WaitForInstanceCompletionAsync(InstanceId, getInputsAndOutputs: true, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<StageResult>()!;
    }
}
