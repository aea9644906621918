using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Cohorts.Pages;

/// <summary>What the check-in form shows about the check-in: the program, who answers, about which pair and round.</summary>
/// <param name="ProgramName">The mentoring program's name.</param>
/// <param name="ParticipantName">Who answers.</param>
/// <param name="ParticipantEmail">The address the link was sent to.</param>
/// <param name="Role"><see cref="ParticipantRoles.Mentor"/> or <see cref="ParticipantRoles.Mentee"/>.</param>
/// <param name="PartnerName">The other person of the pair.</param>
/// <param name="Stage">Pilot or Rollout.</param>
/// <param name="Round">1 for the stage's first check-in, 2 for the second, …</param>
/// <param name="PairNumber">The pair's number within the stage.</param>
/// <param name="DueAt">When the link stops working.</param>
public sealed record CheckInPageModel(
    string ProgramName,
    string ParticipantName,
    string ParticipantEmail,
    string Role,
    string PartnerName,
    StageName Stage,
    int Round,
    int PairNumber,
    DateTimeOffset DueAt)
{
    /// <summary>The page model of a stored check-in.</summary>
    public static CheckInPageModel From(string programName, CheckInRecord checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return new(programName, checkIn.ParticipantName, checkIn.ParticipantEmail, checkIn.Role, checkIn.PartnerName,
            checkIn.Stage, checkIn.Round, checkIn.PairNumber, checkIn.DueAt);
    }
}
