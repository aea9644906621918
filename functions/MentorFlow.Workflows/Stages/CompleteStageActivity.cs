using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stages;

/// <summary>Marks a stage Done with its one-line summary, adds its counts to the program's, and audits that.</summary>
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
                : (program with { Counts = Merge(program.Counts, input.Result?.Counts) }).WithStage(
                    input.Stage, s => s with { State = StageState.Done, CompletedAt = input.At, Summary = input.Result?.Summary }),
            CancellationToken.None);
        if (stored.Status.IsTerminal())
        {
            return false;
        }

        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "StageCompleted", $"{input.Stage} stage done: {input.Result?.Summary}"),
            CancellationToken.None);
        return true;
    }

    private static Dictionary<string, int> Merge(IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, int>? added)
    {
        var merged = new Dictionary<string, int>(counts);
        foreach (var (name, value) in added ?? new Dictionary<string, int>())
        {
            merged[name] = value;
        }

        return merged;
    }
}
