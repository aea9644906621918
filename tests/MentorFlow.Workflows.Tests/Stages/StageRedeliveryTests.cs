using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using MentorFlow.Workflows.Tests.Fakes;

namespace MentorFlow.Workflows.Tests.Stages;

/// <summary>
/// A stage activity delivered twice — its start sent again, with a later orchestration time, after a host was killed
/// between sending it and recording it — keeps what it stored first and logs it once.
/// </summary>
public sealed class StageRedeliveryTests
{
    private static readonly DateTimeOffset First = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryProgramStore programs = new();
    private readonly InMemoryAuditLog audit = new();

    [Fact]
    public async Task Define_RunTwiceWithAnotherTime_KeepsTheFirstCharterAndLogsItOnce()
    {
        var id = await CreateAsync();

        await new DefineStageActivity(programs, audit).RunAsync(null!, new StageInput(id, First));
        await new DefineStageActivity(programs, audit).RunAsync(null!, new StageInput(id, First.AddSeconds(20)));

        Assert.Equal(First, programs.Charters[id].DefinedAt);
        Assert.Single(await audit.ListAsync(id, default), e => e.Action == "CharterDefined");
    }

    [Fact]
    public async Task Roles_RunTwiceWithAnotherTime_LogsOnce()
    {
        var id = await CreateAsync();

        await new RolesStageActivity(programs, audit).RunAsync(null!, new StageInput(id, First));
        await new RolesStageActivity(programs, audit).RunAsync(null!, new StageInput(id, First.AddSeconds(20)));

        Assert.Single(await audit.ListAsync(id, default), e => e.Action == "RolesDefined");
    }

    [Fact]
    public async Task StartStage_DeliveredTwice_KeepsTheFirstStartAndLogsOnce()
    {
        var id = await CreateAsync();

        await new StartStageActivity(programs, audit).RunAsync(null!, new StageChange(id, StageName.Roles, First));
        await new StartStageActivity(programs, audit).RunAsync(null!, new StageChange(id, StageName.Roles, First.AddSeconds(20)));

        Assert.Equal(First, (await programs.GetAsync(id, default))!.Stages.Single(s => s.Name == StageName.Roles).StartedAt);
        Assert.Single(await audit.ListAsync(id, default), e => e.Action == "StageStarted");
    }

    private async Task<string> CreateAsync()
    {
        var definition = TestDefinitions.Sample();
        var id = ProgramIds.NewId();
        await programs.CreateAsync(ProgramRecord.New(id, definition.Name, First), definition, default);
        return id;
    }
}
