namespace MentorFlow.Workflows.Approvals.Tokens;

/// <summary>
/// What an approval link stands for: one approval of one program, addressed to one approver, until it expires.
/// </summary>
/// <param name="ProgramId">The program the approval belongs to.</param>
/// <param name="ApprovalId">The approval within the program; its stored state makes the link single-use.</param>
/// <param name="Approver">The approver's email address the link was sent to.</param>
/// <param name="ExpiresAt">When the link stops working; kept to whole seconds in the token.</param>
public sealed record ApprovalTokenClaims(string ProgramId, string ApprovalId, string Approver, DateTimeOffset ExpiresAt);
