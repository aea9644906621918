namespace MentorFlow.Workflows.Matching;

/// <summary>
/// Where and in which department someone works, as the compatibility factors see it: trimmed, upper-cased invariantly
/// (so equality is equality ignoring case), blank as not set. Two people with equal profiles score the same against anyone.
/// </summary>
internal readonly record struct WorkProfile(string? Country, string? Office, string? Department)
{
    public static WorkProfile Of(MatchPerson person) => new(Key(person.Country), Key(person.Office), Key(person.Department));

    /// <summary>1 when both countries are set and equal, else 0.</summary>
    public static double SameCountry(WorkProfile mentee, WorkProfile mentor) => Same(mentee.Country, mentor.Country);

    /// <summary>1 when both offices are set and equal, else 0.</summary>
    public static double SameOffice(WorkProfile mentee, WorkProfile mentor) => Same(mentee.Office, mentor.Office);

    /// <summary>1 when both departments are set and different, else 0.</summary>
    public static double DifferentDepartment(WorkProfile mentee, WorkProfile mentor) =>
        mentee.Department is not null && mentor.Department is not null && mentee.Department != mentor.Department ? 1 : 0;

    private static double Same(string? a, string? b) => a is not null && a == b ? 1 : 0;

    private static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}
