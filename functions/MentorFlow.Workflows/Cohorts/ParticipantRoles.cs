namespace MentorFlow.Workflows.Cohorts;

/// <summary>The two sides of a pair, as stored with check-ins and stories.</summary>
public static class ParticipantRoles
{
    public const string Mentor = "mentor";
    public const string Mentee = "mentee";

    /// <summary>The executive sponsor (the endorsement message is the program's first story).</summary>
    public const string Sponsor = "sponsor";
}
