namespace MentorFlow.Workflows.Matching;

/// <summary>
/// Mentees who are interchangeable for matching: the same work profile (country, office and department, ignoring case)
/// and barred from exactly the same mentors. Any mentor open to one of them is open to all of them at the same
/// compatibility, so an optimal matching only needs to know how many of them each mentor takes.
/// </summary>
/// <param name="Profile">Index into <see cref="MatchingInput.Profiles"/>.</param>
/// <param name="Forbidden">The mentors none of them may have, ascending.</param>
/// <param name="Members">Their indices in <see cref="MatchingInput.Mentees"/>, ascending (so in email order).</param>
internal sealed record MenteeGroup(int Profile, int[] Forbidden, List<int> Members)
{
    /// <summary>The groups in the order of their first member.</summary>
    public static IReadOnlyList<MenteeGroup> Of(MatchingInput input)
    {
        var groups = new List<MenteeGroup>();
        var byKey = new Dictionary<string, MenteeGroup>(StringComparer.Ordinal);
        for (var mentee = 0; mentee < input.Mentees.Length; mentee++)
        {
            var profile = input.MenteeProfile[mentee];
            var forbidden = input.Forbidden[mentee];
            var key = $"{profile}|{string.Join(',', forbidden)}";
            if (!byKey.TryGetValue(key, out var group))
            {
                group = new MenteeGroup(profile, forbidden, []);
                byKey.Add(key, group);
                groups.Add(group);
            }

            group.Members.Add(mentee);
        }

        return groups;
    }
}
