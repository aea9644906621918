using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// One approval as stored: what is asked (title and description, shown in emails and on the link's page), who is asked
/// now (after any escalation), until when, which orchestration waits for it, and — once decided — the decision.
/// A decided approval never changes again: that is what makes every link single-use.
/// </summary>
public sealed record ApprovalRecord
{
    public required string ProgramId { get; init; }
    public required string ApprovalId { get; init; }
    public required ApprovalKind Kind { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Description { get; init; } = [];

    /// <summary>Whom the approval is about (a nominee's email), where it is about a person.</summary>
    public string? SubjectEmail { get; init; }

    /// <summary>Who is asked now; null until the request goes out.</summary>
    public Person? Approver { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The orchestration waiting for this approval (its batch's instance).</summary>
    public string? InstanceId { get; init; }

    /// <summary>How many times the request was passed on (0: the first approver).</summary>
    public int EscalationLevel { get; init; }

    public ApprovalStatus Status { get; init; } = ApprovalStatus.Pending;
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? Comment { get; init; }
    public string? Via { get; init; }
}
