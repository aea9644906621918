using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// What an approval orchestration starts with: a batch of approvals of one kind put to one approver in one email
/// (the charter confirmation is a batch of one; a sales leader's nominees are a batch). Only ids travel; the text of
/// each approval is in storage.
/// </summary>
/// <param name="ProgramId">The program.</param>
/// <param name="BatchId">Names the batch (its orchestration instance and its emails' keys).</param>
/// <param name="Kind">What the approvals are for.</param>
/// <param name="ApprovalIds">The approvals of the batch, prepared in storage (the charter's is created on sending).</param>
/// <param name="Approver">Who is asked first; null: the kind's default (the program manager).</param>
/// <param name="OnTimeout">What silence means for this batch; null: the program's <c>approvals.onTimeout</c>.</param>
public sealed record ApprovalRequest(
    string ProgramId, string BatchId, ApprovalKind Kind, IReadOnlyList<string> ApprovalIds, Person? Approver, string? OnTimeout = null);
