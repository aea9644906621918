using MentorFlow.Workflows.Cohorts;

namespace MentorFlow.Workflows.Stories;

/// <summary>Who is asked for a story: every person of every matched pair, once, in a stable order.</summary>
internal static class StoryParticipants
{
    /// <summary>
    /// The participants in pair order (Pilot before Rollout, by pair number; mentee before mentor), each person once
    /// (ignoring case) under the role they were first seen in. Unmatched mentees are not participants.
    /// </summary>
    public static IReadOnlyList<(string Email, string Name, string Role)> From(IReadOnlyList<PairRecord> pairs)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var participants = new List<(string, string, string)>();
        foreach (var pair in pairs.OrderBy(p => p.Stage).ThenBy(p => p.PairNumber))
        {
            if (pair is not { IsMatched: true, MentorEmail: { } mentorEmail })
            {
                continue;
            }

            if (seen.Add(pair.MenteeEmail))
            {
                participants.Add((pair.MenteeEmail, pair.MenteeName, ParticipantRoles.Mentee));
            }

            if (seen.Add(mentorEmail))
            {
                participants.Add((mentorEmail, pair.MentorName ?? mentorEmail, ParticipantRoles.Mentor));
            }
        }

        return participants;
    }

    /// <summary>The participants' stories of a program (every story but the sponsor's), in story id order.</summary>
    public static List<StoryRecord> Of(IReadOnlyList<StoryRecord> stories) =>
        [.. stories.Where(s => s.StoryId != StoryRecord.SponsorStoryId && s.Role != ParticipantRoles.Sponsor).OrderBy(s => s.StoryId, StringComparer.Ordinal)];
}
