using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stages;

/// <summary>
/// Ends a program: its final status and reason, and every stage that did not run marked Skipped with
/// the given summary. A program that was already ended (say, cancelled meanwhile) is left as it is.
/// </summary>
public sealed class FinishProgramActivity(IProgramStore store, IAuditLog audit) : TaskActivity<ProgramFinish, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, ProgramFinish input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var changed = false;
        await store.UpdateAsync(
            input.ProgramId,
            program =>
            {
                if (program.Status.IsTerminal())
                {
                    changed = false;
                    return program;
                }

                changed = true;
                return Finish(program, input);
            },
            CancellationToken.None);
        if (!changed)
        {
            return false;
        }

        var details = input.Reason is null
            ? $"Program {input.Status.ToString().ToLowerInvariant()}."
            : $"Program {input.Status.ToString().ToLowerInvariant()}: {input.Reason}";
        await audit.AppendAsync(
            input.ProgramId, new AuditEntry(input.At, AuditActors.System, "Program" + input.Status, details), CancellationToken.None);
        return true;
    }

    /// <summary>The program ended: stages still Pending or Active become Skipped with the summary.</summary>
    public static ProgramRecord Finish(ProgramRecord program, ProgramFinish input) => program with
    {
        Status = input.Status,
        Reason = input.Reason,
        CompletedAt = input.At,
        WaitingFor = [],
        Stage = input.Status == ProgramStatus.Completed ? null : program.Stage,
        Stages = [.. program.Stages.Select(s => s.State is StageState.Pending or StageState.Active
            ? s with { State = StageState.Skipped, CompletedAt = input.At, Summary = input.SkippedSummary }
            : s)],
    };
}
