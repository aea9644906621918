using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>Input of <see cref="SendApprovalRequestActivity"/>: the approvals still open, whom to ask, at which level.</summary>
public sealed record ApprovalSend(
    string ProgramId,
    string BatchId,
    ApprovalKind Kind,
    IReadOnlyList<string> ApprovalIds,
    Person? Approver,
    int Level,
    DateTimeOffset At,
    string InstanceId)
{
    /// <summary>
    /// The name of who was asked at the level before (the email says whom the request comes from); null at level 0,
    /// and in histories from before it was passed, where the activity reads it from the stored approval.
    /// </summary>
    public string? EscalatedFrom { get; init; }
}
