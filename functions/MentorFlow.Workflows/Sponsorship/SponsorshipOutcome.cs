using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Stages;

namespace MentorFlow.Workflows.Sponsorship;

/// <summary>
/// How the Sponsorship stage ended: its result; when the sponsor declined, why (the program ends Declined); when
/// endorsed, the leaders' pledge requests, which the program collects alongside the later stages (they never block).
/// </summary>
public sealed record SponsorshipOutcome(StageResult Result, string? DeclinedReason, IReadOnlyList<ApprovalBatch> Pledges);
