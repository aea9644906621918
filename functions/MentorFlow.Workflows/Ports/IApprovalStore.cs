using MentorFlow.Workflows.Approvals;

namespace MentorFlow.Workflows.Ports;

/// <summary>Where approvals are kept.</summary>
public interface IApprovalStore
{
    /// <summary>Stores the approval (creating it, preparing it, or passing it on to another approver).</summary>
    Task SaveAsync(ApprovalRecord approval, CancellationToken cancellationToken);

    /// <summary>The approval, or null.</summary>
    Task<ApprovalRecord?> GetAsync(string programId, string approvalId, CancellationToken cancellationToken);

    /// <summary>Every approval of a program, ordered by approval id.</summary>
    Task<IReadOnlyList<ApprovalRecord>> ListAsync(string programId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a decision on a pending approval, atomically: returns the stored approval, which carries this decision
    /// when it won, or the earlier one when the approval had already been decided.
    /// </summary>
    Task<ApprovalRecord> DecideAsync(string programId, string approvalId, ApprovalDecision decision, CancellationToken cancellationToken);
}
