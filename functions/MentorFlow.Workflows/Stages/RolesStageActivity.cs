using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stages;

/// <summary>
/// The Roles stage: persists each role's responsibilities and renders the role charter (HTML and text)
/// that later invitations carry. Returns the stage summary and counts.
/// </summary>
public sealed class RolesStageActivity(IProgramStore store, IAuditLog audit) : TaskActivity<StageInput, StageResult>
{
    /// <inheritdoc />
    public override async Task<StageResult> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await store.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");

        // Run twice (a host killed after the stage began), the stage renders the same charter and logs it once.
        var before = await store.GetRoleCharterAsync(input.ProgramId, CancellationToken.None);
        var charter = RoleCharterRenderer.Render(definition.Name, definition.Roles);
        await store.SaveRolesAsync(input.ProgramId, charter, CancellationToken.None);

        var responsibilities = charter.Roles.Sum(r => r.Responsibilities.Count);
        var summary = $"{Plural.Of(charter.Roles.Count, "role")} with "
            + $"{Plural.Of(responsibilities, "responsibility", "responsibilities")}; role charter rendered";
        if (before is null)
        {
            await audit.AppendAsync(
                input.ProgramId,
                new AuditEntry(input.At, AuditActors.System, "RolesDefined",
                    "Roles stored: " + string.Join(", ", charter.Roles.Select(r => $"{r.Role} ({r.Responsibilities.Count})")) + "."),
                CancellationToken.None);
        }
        return new StageResult(summary, new Dictionary<string, int>
        {
            ["roles"] = charter.Roles.Count,
            ["responsibilities"] = responsibilities,
        });
    }
}
