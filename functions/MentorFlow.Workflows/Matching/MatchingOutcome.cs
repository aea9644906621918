using System.Globalization;

namespace MentorFlow.Workflows.Matching;

/// <summary>Turns an assignment (mentee index → mentor index, or −1) into the result both solvers return.</summary>
internal static class MatchingOutcome
{
    public static MatchingResult From(MatchingInput input, int[] mentorOf)
    {
        var pairs = new List<MatchedPair>();
        var unmatched = new List<UnmatchedMentee>();
        var total = 0d;
        for (var mentee = 0; mentee < input.Mentees.Length; mentee++)
        {
            var email = input.Mentees[mentee].Email;
            if (mentorOf[mentee] < 0)
            {
                unmatched.Add(new UnmatchedMentee(email, ReasonUnmatched(input, mentee)));
                continue;
            }

            var mentor = input.Mentors[mentorOf[mentee]];
            var (value, parts) = Compatibility.Of(input.Profiles[input.MenteeProfile[mentee]], mentor, input.Weights);
            pairs.Add(new MatchedPair(email, mentor.Person.Email, value, parts));
            total += value;
        }

        return new MatchingResult(pairs, unmatched, total);
    }

    /// <summary>
    /// Why a mentee is left out, checked in this order: nobody has places; every mentor with places is barred by the
    /// management chain; there are fewer places than mentees; else their compatible mentors filled up with others.
    /// </summary>
    private static string ReasonUnmatched(MatchingInput input, int mentee)
    {
        if (input.Mentors.Length > 0 && input.Forbidden[mentee].Length == input.Mentors.Length)
        {
            return EveryMentorInChain(input.Mentees[mentee], input.Mentors);
        }

        if (input.Places < input.Mentees.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no mentor capacity left ({input.Mentees.Length:N0} mentees, {input.Places:N0} places)");
        }

        return "all compatible mentors' capacity went to other mentees";
    }

    private static string EveryMentorInChain(MatchPerson mentee, IEnumerable<MentorSlot> mentors)
    {
        var how = new SortedSet<int>();
        foreach (var mentor in mentors.Select(m => m.Person))
        {
            if (mentee.Chain.Any(id => ManagementChain.SameId(id, mentor.Id)))
            {
                how.Add(0);
            }

            if (mentor.Chain.Any(id => ManagementChain.SameId(id, mentee.Id)))
            {
                how.Add(1);
            }

            if (ManagementChain.SameId(mentee.Id, mentor.Id))
            {
                how.Add(2);
            }
        }

        string[] phrases = ["is in their management chain", "reports to them", "is them"];
        return "every mentor with capacity " + string.Join(" or ", how.Select(i => phrases[i]));
    }
}
