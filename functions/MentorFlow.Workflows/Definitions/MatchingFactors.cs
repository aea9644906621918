namespace MentorFlow.Workflows.Definitions;

/// <summary>The keys allowed in the <c>matching</c> weights; a factor left out weighs zero.</summary>
public static class MatchingFactors
{
    /// <summary>Mentor and mentee work in the same country.</summary>
    public const string SameCountry = "sameCountry";

    /// <summary>Mentor and mentee work in the same office.</summary>
    public const string SameOffice = "sameOffice";

    /// <summary>Mentor and mentee are in different departments (a wider view).</summary>
    public const string DifferentDepartment = "differentDepartment";

    /// <summary>The mentor's own selection score.</summary>
    public const string MentorScore = "mentorScore";

    public static IReadOnlyList<string> All { get; } = [SameCountry, SameOffice, DifferentDepartment, MentorScore];
}
