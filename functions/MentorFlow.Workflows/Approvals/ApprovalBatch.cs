using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>Approvals a stage puts to one approver in one email (ids only; the approvals are prepared in storage).</summary>
public sealed record ApprovalBatch(string BatchId, ApprovalKind Kind, IReadOnlyList<string> ApprovalIds, Person? Approver);
