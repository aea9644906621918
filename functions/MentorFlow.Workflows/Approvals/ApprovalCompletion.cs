namespace MentorFlow.Workflows.Approvals;

/// <summary>Input of <see cref="CompleteApprovalActivity"/>: the decision the orchestration saw.</summary>
public sealed record ApprovalCompletion(string ProgramId, string ApprovalId, ApprovalDecision Decision);
