namespace MentorFlow.Workflows.Matching;

/// <summary>
/// The obvious loop, kept as the benchmark's baseline for <see cref="MentorMatcher"/>: each mentee, in the order given,
/// takes the most compatible mentor who still has a place and is not in their management chain (ties: the mentor's
/// email, lower-case, ordinal). It can leave mentees unmatched, or pair them worse, where the solver would not.
/// Results are ordered and explained as <see cref="MentorMatcher"/>'s are.
/// </summary>
public static class GreedyMatcher
{
    public static MatchingResult Solve(IReadOnlyList<MatchPerson> mentees, IReadOnlyList<MentorSlot> mentors, IReadOnlyDictionary<string, double> weights)
    {
        var input = MatchingInput.Prepare(mentees, mentors, weights);
        var left = input.Mentors.Select(m => m.Capacity).ToArray();
        var barred = new bool[input.Mentors.Length];
        var mentorOf = new int[input.Mentees.Length];
        foreach (var mentee in input.GivenOrder)
        {
            foreach (var mentor in input.Forbidden[mentee])
            {
                barred[mentor] = true;
            }

            var best = -1;
            var bestCompatibility = double.NegativeInfinity;
            for (var mentor = 0; mentor < input.Mentors.Length; mentor++)
            {
                var compatibility = input.CompatibilityOf(mentee, mentor);
                // Mentors are in email order, so a strict "better" keeps the first on ties.
                if (left[mentor] > 0 && !barred[mentor] && compatibility > bestCompatibility)
                {
                    (best, bestCompatibility) = (mentor, compatibility);
                }
            }

            foreach (var mentor in input.Forbidden[mentee])
            {
                barred[mentor] = false;
            }

            mentorOf[mentee] = best;
            if (best >= 0)
            {
                left[best]--;
            }
        }

        return MatchingOutcome.From(input, mentorOf);
    }
}
