using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stages;

/// <summary>
/// The Define stage: checks the stored definition once more (the rules may have tightened since it was
/// submitted), persists the program's charter and records it in the audit log. Returns the stage summary and counts.
/// </summary>
public sealed class DefineStageActivity(IProgramStore store, IAuditLog audit) : TaskActivity<StageInput, StageResult>
{
    /// <inheritdoc />
    public override async Task<StageResult> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await store.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");

        var check = ProgramDefinitionParser.Parse(ProgramDefinitionJson.Serialize(definition));
        if (!check.IsValid)
        {
            throw new InvalidOperationException(
                "The charter is not valid: " + string.Join("; ", check.Problems.Select(p => $"{p.Path}: {p.Message}")));
        }

        // Run twice (a host killed after the stage began), the stage keeps the charter it stored first and logs it once.
        var charter = await store.GetCharterAsync(input.ProgramId, CancellationToken.None);
        if (charter is null)
        {
            charter = ProgramCharter.From(definition, input.At);
            await store.SaveCharterAsync(input.ProgramId, charter, CancellationToken.None);
        }

        var summary = $"Charter defined: {Plural.Of(charter.LearningOutcomes.Count, "learning outcome")} with measures, "
            + $"{Plural.Of(charter.Benefits.Count, "benefit")}";
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(charter.DefinedAt, AuditActors.System, "CharterDefined",
                $"Charter of '{charter.Name}' stored; program manager {charter.ProgramManager.Name}, sponsor {charter.Sponsor.Name}."),
            CancellationToken.None);
        return new StageResult(summary, new Dictionary<string, int>
        {
            ["learningOutcomes"] = charter.LearningOutcomes.Count,
            ["benefits"] = charter.Benefits.Count,
        });
    }
}
