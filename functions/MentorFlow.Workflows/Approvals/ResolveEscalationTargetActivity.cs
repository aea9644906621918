using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// Whom an unanswered approval goes to next: the approver's manager from the directory; where there is none, the
/// program manager; null when the program manager was already asked and has no manager either.
/// </summary>
public sealed class ResolveEscalationTargetActivity(IProgramStore programs, IApprovalStore approvals, IDirectory directory)
    : TaskActivity<EscalationQuery, Person?>
{
    /// <inheritdoc />
    public override async Task<Person?> RunAsync(TaskActivityContext context, EscalationQuery input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var approval = await approvals.GetAsync(input.ProgramId, input.ApprovalId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Approval {input.ApprovalId} of {input.ProgramId} does not exist.");
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");

        var current = approval.Approver
            ?? throw new InvalidOperationException($"Approval {input.ApprovalId} of {input.ProgramId} was never sent.");
        var manager = await directory.FindManagerAsync(current.Email, CancellationToken.None);
        if (manager?.Email is { Length: > 0 } managerEmail
            && manager.AccountEnabled
            && !managerEmail.Equals(current.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new Person(manager.DisplayName, managerEmail);
        }

        var programManager = definition.ProgramManager;
        return programManager.Email.Equals(current.Email, StringComparison.OrdinalIgnoreCase) ? null : programManager;
    }
}
