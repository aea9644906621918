namespace MentorFlow.Workflows.Matching;

/// <summary>A mentee the matching could not place, with the reason in words HR can act on.</summary>
/// <param name="MenteeEmail">The mentee.</param>
/// <param name="Reason">
/// One of: "no mentor capacity left (N mentees, M places)"; "every mentor with capacity is in their management chain"
/// (with "or reports to them" / "or is them" when those apply); "all compatible mentors' capacity went to other mentees".
/// </param>
public sealed record UnmatchedMentee(string MenteeEmail, string Reason);
