namespace MentorFlow.Workflows.Approvals;

/// <summary>Where one approval stands.</summary>
public enum ApprovalStatus
{
    Pending,
    Approved,
    Declined,
}
