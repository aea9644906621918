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
    string InstanceId);
