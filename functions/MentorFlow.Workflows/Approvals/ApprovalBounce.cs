namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// Payload of <see cref="ApprovalEvents.Bounced"/>: the address an approval email bounced from, and the escalation
/// level it was sent at (from its <see cref="ApprovalEmailKey"/>). The orchestration counts a bounce only for the
/// level it waits at and that level's approver, so a bounce delivered again, late, or for an earlier level passes
/// nothing on.
/// </summary>
public sealed record ApprovalBounce(string Email, int Level)
{
    /// <summary>Whether this bounce is of the request the orchestration now waits on.</summary>
    public bool IsFor(string approverEmail, int level) =>
        Level == level && Email.Equals(approverEmail, StringComparison.OrdinalIgnoreCase);
}
