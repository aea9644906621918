namespace MentorFlow.Workflows.Approvals;

/// <summary>One approval of a batch and the decision that counted.</summary>
public sealed record ApprovalResult(string ApprovalId, ApprovalDecision Decision);
