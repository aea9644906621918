namespace MentorFlow.Workflows.Matching;

/// <summary>
/// The hard rule of matching: nobody is mentored by someone in their own line of management, in either direction.
/// Directory ids compare ignoring case; a blank id matches nobody.
/// </summary>
public static class ManagementChain
{
    /// <summary>True when either person is the other, or appears in the other's chain (manager, skip-level, …).</summary>
    public static bool Conflicts(MatchPerson mentee, MatchPerson mentor)
    {
        ArgumentNullException.ThrowIfNull(mentee);
        ArgumentNullException.ThrowIfNull(mentor);
        return SameId(mentee.Id, mentor.Id)
            || mentee.Chain.Any(id => SameId(id, mentor.Id))
            || mentor.Chain.Any(id => SameId(id, mentee.Id));
    }

    internal static bool SameId(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
