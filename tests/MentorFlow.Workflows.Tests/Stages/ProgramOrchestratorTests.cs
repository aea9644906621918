using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Workflows.Tests.Stages;

/// <summary>The program stage machine on the in-process Durable Task test host, with in-memory ports.</summary>
public sealed class ProgramOrchestratorTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset SubmittedAt = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private WorkflowTestHost host = null!;

    public async Task InitializeAsync() => host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    // The charter gate approves itself after a second, so these tests run the whole implemented program.
    private static ProgramDefinition SelfApproving() => TestDefinitions.WithApprovals("PT1S", ApprovalTimeoutActions.Approve);

    [Fact]
    public async Task Run_ValidProgram_DefinesChartersAndRolesThenCompletes()
    {
        var id = await SubmitAsync(SelfApproving());

        var metadata = await RunToCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal(ProgramStatus.Completed, metadata.ReadOutputAs<ProgramOutcome>()!.Status);
        var program = (await host.Programs.GetAsync(id, default))!;
        Assert.Equal(ProgramStatus.Completed, program.Status);
        Assert.Null(program.Stage);
        Assert.Empty(program.WaitingFor);
        Assert.Collection(
            program.Stages,
            s => AssertDone(s, StageName.Define, "Charter defined: 1 learning outcome with measures, 2 benefits; confirmed by the timeout policy"),
            s => AssertDone(s, StageName.Roles, "5 roles with 5 responsibilities; role charter rendered"),
            s => AssertDone(s, StageName.Criteria, "0 people evaluated (2025-11-27 to 2026-11-26): 0 eligible mentees, 0 nominated to 0 sales leaders, 0 eligible mentors"),
            s => AssertDone(s, StageName.Sponsorship, "Endorsed by Sam Sponsor; 0 leaders asked to pledge support"),
            s => AssertDone(s, StageName.Pilot, "No approved mentees to pilot"),
            s => AssertSkipped(s, StageName.Rollout, "skipped: the pilot ended without a go (No approved mentees to pilot)"),
            s => Assert.Equal((StageName.Stories, StageState.Done), (s.Name, s.State)));
        var counts = new Dictionary<string, int>
        {
            ["learningOutcomes"] = 1, ["benefits"] = 2, ["roles"] = 5, ["responsibilities"] = 5,
            ["candidates"] = 0, ["eligibleMentees"] = 0, ["nominees"] = 0, ["eligibleMentors"] = 0,
            ["leadersAskedToPledge"] = 0, ["pilotPairs"] = 0, ["storiesRequested"] = 0,
        };
        Assert.All(counts, c => Assert.Equal(c.Value, program.Counts.GetValueOrDefault(c.Key, -1)));
    }

    [Fact]
    public async Task Run_ValidProgram_StoresCharterAndRoleCharter()
    {
        var definition = SelfApproving();
        var id = await SubmitAsync(definition);

        await RunToCompletionAsync(id);

        var charter = host.Programs.Charters[id];
        Assert.Equal(definition.Purpose, charter.Purpose);
        Assert.Equal(definition.LearningOutcomes, charter.LearningOutcomes);
        var roles = host.Programs.RoleCharters[id];
        Assert.Equal(5, roles.Roles.Count);
        Assert.Contains("Program manager", roles.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ValidProgram_AuditsEveryStep()
    {
        var id = await SubmitAsync(SelfApproving());

        await RunToCompletionAsync(id);

        var actions = (await host.Audit.ListAsync(id, default)).Select(e => e.Action).ToList();
        Assert.Equal(
            [
                "StageStarted", "CharterDefined", "ApprovalRequested", "ApprovalAutoApproved", "StageCompleted",
                "StageStarted", "RolesDefined", "StageCompleted",
                "StageStarted", "CandidatesEvaluated", "StageCompleted",
                "StageStarted",
            ],
            actions.Take(12));
        Assert.Contains("SponsorEndorsed", actions);
        Assert.Contains("StageSkipped", actions);
        Assert.Equal("ProgramCompleted", actions[^1]);
        Assert.Equal(6, actions.Count(a => a == "StageCompleted"));
    }

    [Fact]
    public async Task Run_DefinitionMissing_FailsWithReasonAndSkipsRest()
    {
        var missing = await SubmitAsync(SelfApproving(), schedule: false);
        host.Programs.RemoveDefinition(missing);
        await ScheduleAsync(missing);

        var metadata = await RunToCompletionAsync(missing);

        var outcome = metadata.ReadOutputAs<ProgramOutcome>()!;
        Assert.Equal(ProgramStatus.Failed, outcome.Status);
        Assert.Contains("has no stored definition", outcome.Reason, StringComparison.Ordinal);
        var program = (await host.Programs.GetAsync(missing, default))!;
        Assert.Equal(ProgramStatus.Failed, program.Status);
        Assert.Equal(outcome.Reason, program.Reason);
        Assert.Equal(StageState.Skipped, program.Stages[0].State);
        Assert.All(program.Stages, s => Assert.NotEqual(StageState.Done, s.State));
    }

    [Fact]
    public async Task Run_ProgramCancelledBeforeItRuns_LeavesCancellationAsItIs()
    {
        var id = await SubmitAsync(SelfApproving(), schedule: false);
        var cancelledAt = DateTimeOffset.UtcNow;
        await host.Programs.UpdateAsync(
            id,
            p => FinishProgramActivity.Finish(p, new ProgramFinish(id, ProgramStatus.Cancelled, cancelledAt, "Stopped by HR", "cancelled")),
            default);

        await ScheduleAsync(id);
        var metadata = await RunToCompletionAsync(id);

        Assert.Equal(ProgramStatus.Cancelled, metadata.ReadOutputAs<ProgramOutcome>()!.Status);
        var program = (await host.Programs.GetAsync(id, default))!;
        Assert.Equal(ProgramStatus.Cancelled, program.Status);
        Assert.Equal("Stopped by HR", program.Reason);
        Assert.All(program.Stages, s => Assert.Equal(StageState.Skipped, s.State));
        Assert.False(host.Programs.Charters.ContainsKey(id), "A cancelled program's stages must not run.");
        Assert.Empty(host.Email.Sent);
    }

    private async Task<string> SubmitAsync(ProgramDefinition definition, bool schedule = true)
    {
        var id = ProgramIds.NewId();
        await host.Programs.CreateAsync(ProgramRecord.New(id, definition.Name, SubmittedAt), definition, default);
        if (schedule)
        {
            await ScheduleAsync(id);
        }

        return id;
    }

    private Task ScheduleAsync(string id) =>
        host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ProgramOrchestrator), new ProgramOrchestrationInput(id), new Microsoft.DurableTask.StartOrchestrationOptions(id));

    private async Task<OrchestrationMetadata> RunToCompletionAsync(string id)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await host.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
    }

    private static void AssertDone(StageRecord stage, StageName name, string summary)
    {
        Assert.Equal(name, stage.Name);
        Assert.Equal(StageState.Done, stage.State);
        Assert.NotNull(stage.StartedAt);
        Assert.NotNull(stage.CompletedAt);
        Assert.Equal(summary, stage.Summary);
    }

    private static void AssertSkipped(StageRecord stage, StageName name, string summary)
    {
        Assert.Equal(name, stage.Name);
        Assert.Equal(StageState.Skipped, stage.State);
        Assert.Null(stage.StartedAt);
        Assert.Equal(summary, stage.Summary);
    }
}
