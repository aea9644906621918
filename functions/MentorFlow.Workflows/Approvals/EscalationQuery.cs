namespace MentorFlow.Workflows.Approvals;

/// <summary>Input of <see cref="ResolveEscalationTargetActivity"/>.</summary>
public sealed record EscalationQuery(string ProgramId, string ApprovalId);
