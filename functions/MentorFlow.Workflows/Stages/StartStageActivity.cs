using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stages;

/// <summary>Marks a stage Active and the program as being in it, and audits that.</summary>
public sealed class StartStageActivity(IProgramStore store, IAuditLog audit) : TaskActivity<StageChange, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, StageChange input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await store.UpdateAsync(
            input.ProgramId,
            program => program.Status.IsTerminal()
                ? program
                : (program with { Stage = input.Stage }).WithStage(
                    input.Stage, s => s with { State = StageState.Active, StartedAt = s.StartedAt ?? input.At }),
            CancellationToken.None);
        if (stored.Status.IsTerminal())
        {
            return false;
        }

        // The stage's first start time, kept in the record: a start delivered twice logs one line.
        var startedAt = stored.Stages.First(s => s.Name == input.Stage).StartedAt ?? input.At;
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(startedAt, AuditActors.System, "StageStarted", $"{input.Stage} stage started."),
            CancellationToken.None);
        return true;
    }
}
