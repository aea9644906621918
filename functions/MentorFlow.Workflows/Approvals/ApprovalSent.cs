using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>What the orchestration needs after a request went out: who was asked, and the program's timing policy.</summary>
public sealed record ApprovalSent(Person Approver, DateTimeOffset RequestedAt, DateTimeOffset DueAt, ApprovalPolicy Policy);
