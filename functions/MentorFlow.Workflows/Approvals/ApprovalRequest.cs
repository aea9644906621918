using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// What an approval orchestration starts with: which program, which approval, what kind, and who is asked first.
/// The text of the request is rendered by the sending activity from storage, not carried through history.
/// </summary>
public sealed record ApprovalRequest(string ProgramId, string ApprovalId, ApprovalKind Kind, Person? Approver);
