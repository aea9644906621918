using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stages;

/// <summary>Marks a stage Skipped with the reason (the rollout after a no-go) and audits it.</summary>
public sealed class SkipStageActivity(IProgramStore store, IAuditLog audit) : TaskActivity<StageChange, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, StageChange input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await store.UpdateAsync(
            input.ProgramId,
            program => program.Status.IsTerminal()
                ? program
                : program.WithStage(input.Stage, s => s with { State = StageState.Skipped, CompletedAt = input.At, Summary = input.Result?.Summary }),
            CancellationToken.None);
        if (stored.Status.IsTerminal())
        {
            return false;
        }

        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "StageSkipped", $"{input.Stage} stage skipped: {input.Result?.Summary}"),
            CancellationToken.None);
        return true;
    }
}
