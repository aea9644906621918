using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// What the orchestration needs after a request went out: who was asked, when the request was first made and when it
/// is due (as stored with the approvals, the same however often the request is delivered), and the program's timing policy.
/// </summary>
public sealed record ApprovalSent(Person Approver, DateTimeOffset RequestedAt, DateTimeOffset DueAt, ApprovalPolicy Policy);
