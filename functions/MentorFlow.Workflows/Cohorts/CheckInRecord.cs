using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// One participant's check-in of one round: created when the form link is sent, answered once through the form
/// (rating 1–5 and a comment). The first answer wins, as with approvals: the link is single-use.
/// </summary>
public sealed record CheckInRecord
{
    /// <summary>The id of a check-in: <c>{stage}-{round}-{pair:D5}-{role}</c> in lower case, e.g. <c>pilot-1-00003-mentee</c>.</summary>
    public static string IdFor(StageName stage, int round, int pairNumber, string role) =>
        $"{stage.ToString().ToLowerInvariant()}-{round}-{pairNumber:D5}-{role}";

    public required string ProgramId { get; init; }
    public required string CheckInId { get; init; }
    public required StageName Stage { get; init; }

    /// <summary>1 for the stage's first check-in offset, 2 for the second, …</summary>
    public required int Round { get; init; }

    public required int PairNumber { get; init; }

    /// <summary><see cref="ParticipantRoles.Mentor"/> or <see cref="ParticipantRoles.Mentee"/>.</summary>
    public required string Role { get; init; }

    public required string ParticipantEmail { get; init; }
    public required string ParticipantName { get; init; }

    /// <summary>The other person of the pair, as the form shows it.</summary>
    public required string PartnerName { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    /// <summary>When the form link stops working.</summary>
    public required DateTimeOffset DueAt { get; init; }

    public int? Rating { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }

    public bool Answered => RespondedAt is not null;
}
