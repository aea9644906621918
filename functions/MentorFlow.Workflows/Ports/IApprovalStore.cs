using MentorFlow.Workflows.Approvals;

namespace MentorFlow.Workflows.Ports;

/// <summary>Where approvals are kept.</summary>
public interface IApprovalStore
{
    /// <summary>Stores the approval as pending with this approver and due time (creating it, or passing it on).</summary>
    Task SaveAsync(ApprovalRecord approval, CancellationToken cancellationToken);

    /// <summary>The approval, or null.</summary>
    Task<ApprovalRecord?> GetAsync(string programId, string approvalId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a decision on a pending approval, atomically: returns the stored approval, which carries this decision
    /// when it won, or the earlier one when the approval had already been decided.
    /// </summary>
    Task<ApprovalRecord> DecideAsync(string programId, string approvalId, ApprovalDecision decision, CancellationToken cancellationToken);
}
