using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>Input of <see cref="SendApprovalRequestActivity"/>: whom to ask (null: the kind's first approver) at which level.</summary>
public sealed record ApprovalSend(string ProgramId, string ApprovalId, ApprovalKind Kind, Person? Approver, int Level, DateTimeOffset At);
