using MentorFlow.Workflows.Matching;

namespace MentorFlow.Workflows.Tests.Matching;

/// <summary>
/// The reference optimum for small instances, by exhaustive search: every mentee either gets one of the mentors still
/// open to them or none, memoised on (next mentee, places left per mentor). Best = most pairs, then highest total.
/// </summary>
internal static class BruteForceMatching
{
    public static (int Pairs, double Total) Optimum(
        IReadOnlyList<MatchPerson> mentees, IReadOnlyList<MentorSlot> mentors, IReadOnlyDictionary<string, double> weights)
    {
        var places = mentors.Select(m => Math.Max(0, m.Capacity)).ToArray();
        var radix = places.DefaultIfEmpty(0).Max() + 1;
        var unit = new int[mentors.Count];
        var state = 0;
        for (int j = 0, power = 1; j < mentors.Count; j++, power *= radix)
        {
            unit[j] = power;
            state += places[j] * power;
        }

        var memo = new Dictionary<(int, int), (int Pairs, double Total)>();
        (int Pairs, double Total) Best(int mentee, int left)
        {
            if (mentee == mentees.Count)
            {
                return (0, 0);
            }

            if (memo.TryGetValue((mentee, left), out var known))
            {
                return known;
            }

            var best = Best(mentee + 1, left);
            for (var j = 0; j < mentors.Count; j++)
            {
                if (left / unit[j] % radix == 0 || ManagementChain.Conflicts(mentees[mentee], mentors[j].Person))
                {
                    continue;
                }

                var rest = Best(mentee + 1, left - unit[j]);
                var candidate = (rest.Pairs + 1, rest.Total + Compatibility.Of(mentees[mentee], mentors[j], weights).Value);
                if (candidate.Item1 > best.Pairs || (candidate.Item1 == best.Pairs && candidate.Item2 > best.Total))
                {
                    best = candidate;
                }
            }

            memo[(mentee, left)] = best;
            return best;
        }

        return Best(0, state);
    }
}
