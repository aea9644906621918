using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// One approval as stored: who is asked now (after any escalation), until when, and — once decided — the decision.
/// A decided approval never changes again: that is what makes every link single-use.
/// </summary>
public sealed record ApprovalRecord
{
    public required string ProgramId { get; init; }
    public required string ApprovalId { get; init; }
    public required ApprovalKind Kind { get; init; }
    public required Person Approver { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>How many times the request was passed on (0: the first approver).</summary>
    public int EscalationLevel { get; init; }

    public ApprovalStatus Status { get; init; } = ApprovalStatus.Pending;
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? Comment { get; init; }
    public string? Via { get; init; }

    public string InstanceId => ApprovalEvents.InstanceId(ProgramId, ApprovalId);
}
