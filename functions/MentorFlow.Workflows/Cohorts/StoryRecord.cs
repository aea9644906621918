namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// One participant's story: created when the form link is sent, answered once through the form (story, one best
/// practice, consent to share with their name, optionally a colleague to suggest for the next cohort), then curated.
/// The sponsor's endorsement message is stored as the program's first story (<see cref="SponsorStoryId"/>, published).
/// </summary>
public sealed record StoryRecord
{
    /// <summary>The story id of the sponsor's endorsement message.</summary>
    public const string SponsorStoryId = "0000-sponsor";

    /// <summary>The story id of a participant: <c>{n:D4}-{role}</c>, numbered in participant order.</summary>
    public static string IdFor(int number, string role) => $"{number:D4}-{role}";

    public required string ProgramId { get; init; }
    public required string StoryId { get; init; }

    /// <summary><see cref="ParticipantRoles"/>: mentor, mentee or sponsor.</summary>
    public required string Role { get; init; }

    public required string ParticipantEmail { get; init; }
    public required string ParticipantName { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When the form link stops working.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public string? Story { get; init; }
    public string? BestPractice { get; init; }
    public bool ConsentToShare { get; init; }

    /// <summary>A colleague's email the participant suggests for the next cohort; null when none.</summary>
    public string? Suggestion { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }
    public StoryStatus Status { get; init; } = StoryStatus.Requested;
}
