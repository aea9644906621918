namespace MentorFlow.Workflows.Matching;

/// <summary>A person to match, mentee or mentor.</summary>
/// <param name="Id">Directory id. Ids compare ignoring case; a blank id never matches anyone's.</param>
/// <param name="Email">Email address; results are keyed and ordered by it (lower-case, ordinal), so it must be unique per side.</param>
/// <param name="Name">Display name.</param>
/// <param name="Country">Country; blank counts as not set.</param>
/// <param name="Office">Office; blank counts as not set.</param>
/// <param name="Department">Department; blank counts as not set.</param>
/// <param name="Chain">Directory ids of the person's managers, nearest first (manager, manager's manager, …).</param>
public sealed record MatchPerson(
    string Id,
    string Email,
    string Name,
    string? Country,
    string? Office,
    string? Department,
    IReadOnlyList<string> Chain);
