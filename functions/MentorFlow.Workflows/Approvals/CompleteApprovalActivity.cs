using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// Settles an approval: stores the decision unless one was stored first (a link clicked just before the timeout
/// wins), removes it from what the program waits for, and audits a policy decision (a person's decision was audited
/// when they made it). Returns the decision that counts.
/// </summary>
public sealed class CompleteApprovalActivity(IProgramStore programs, IApprovalStore approvals, IAuditLog audit)
    : TaskActivity<ApprovalCompletion, ApprovalDecision>
{
    /// <inheritdoc />
    public override async Task<ApprovalDecision> RunAsync(TaskActivityContext context, ApprovalCompletion input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await approvals.DecideAsync(input.ProgramId, input.ApprovalId, input.Decision, CancellationToken.None);
        var decision = new ApprovalDecision(
            stored.Status == ApprovalStatus.Approved,
            stored.DecidedBy ?? input.Decision.DecidedBy,
            stored.DecidedAt ?? input.Decision.DecidedAt,
            stored.Comment,
            stored.Via ?? input.Decision.Via);

        await programs.UpdateAsync(
            input.ProgramId,
            p =>
            {
                if (p.Status.IsTerminal())
                {
                    return p;
                }

                var waiting = p.WaitingFor.Where(w => w.ApprovalId != input.ApprovalId).ToList();
                return p with
                {
                    WaitingFor = waiting,
                    Status = waiting.Count == 0 ? ProgramStatus.Running : ProgramStatus.WaitingForApproval,
                };
            },
            CancellationToken.None);

        if (decision.Via is "timeout" or "bounce")
        {
            await audit.AppendAsync(
                input.ProgramId,
                new AuditEntry(decision.DecidedAt, AuditActors.System, decision.Approved ? "ApprovalAutoApproved" : "ApprovalAutoDeclined",
                    $"{ApprovalTexts.Describe(stored.Kind)}: {decision.Comment}"),
                CancellationToken.None);
        }

        return decision;
    }
}
