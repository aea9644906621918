using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stages;

/// <summary>Marks a stage Done with its one-line summary, and audits that.</summary>
public sealed class CompleteStageActivity(IProgramStore store, IAuditLog audit) : TaskActivity<StageChange, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, StageChange input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await store.UpdateAsync(
            input.ProgramId,
            program => program.Status.IsTerminal()
                ? program
                : program.WithStage(
                    input.Stage, s => s with { State = StageState.Done, CompletedAt = input.At, Summary = input.Summary }),
            CancellationToken.None);
        if (stored.Status.IsTerminal())
        {
            return false;
        }

        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "StageCompleted", $"{input.Stage} stage done: {input.Summary}"),
            CancellationToken.None);
        return true;
    }
}
