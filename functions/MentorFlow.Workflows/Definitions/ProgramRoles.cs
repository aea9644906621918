namespace MentorFlow.Workflows.Definitions;

/// <summary>The five roles every program defines; the names are the exact values of <c>roles[i].role</c>.</summary>
public static class ProgramRoles
{
    public const string Mentor = "Mentor";
    public const string Mentee = "Mentee";
    public const string ProgramManager = "ProgramManager";
    public const string Sponsor = "Sponsor";
    public const string SalesLeader = "SalesLeader";

    /// <summary>All five, in the order the charter presents them.</summary>
    public static IReadOnlyList<string> All { get; } = [Mentor, Mentee, ProgramManager, Sponsor, SalesLeader];
}
