using System.Diagnostics;
using Google.OrTools.Graph;

namespace MentorFlow.Workflows.Matching;

/// <summary>
/// Pairs mentees with mentors optimally rather than first-come-first-served.
/// <para>
/// Rules: no pair where <see cref="ManagementChain.Conflicts"/> (a mentee is never mentored by their manager, skip-level
/// or anyone above, nor by someone who reports to them); each mentor takes at most <see cref="MentorSlot.Capacity"/>
/// mentees (0 or less: none); each mentee gets at most one mentor.
/// </para>
/// <para>
/// Objective, in this order: first as many pairs as possible, then the highest total <see cref="Compatibility"/>.
/// The order matters: maximising total compatibility alone could leave a mentee without a mentor to give another a
/// slightly better one; here nobody is left out who could have been placed.
/// </para>
/// <para>
/// Deterministic: the same input gives the same pairs. <see cref="MatchingResult.Pairs"/> and
/// <see cref="MatchingResult.Unmatched"/> are ordered by mentee email (lower-case, ordinal); among equally good
/// matchings the one chosen is fixed by that order, and when only some of a set of otherwise identical mentees
/// (same country, office, department and the same barred mentors) can be placed, those first by email are.
/// Each unmatched mentee gets a reason (see <see cref="UnmatchedMentee.Reason"/>).
/// </para>
/// <para>
/// Emails must be unique among the mentees and among the mentors (ignoring case); an <see cref="ArgumentException"/>
/// names the positions of a duplicate. Compatibility is optimised on integers (10⁻⁸ steps), so the total found is
/// within 10⁻⁸ per pair of the true optimum.
/// </para>
/// </summary>
public static class MentorMatcher
{
    private const double CostScale = 100_000_000;

    public static MatchingResult Solve(IReadOnlyList<MatchPerson> mentees, IReadOnlyList<MentorSlot> mentors, IReadOnlyDictionary<string, double> weights)
    {
        var input = MatchingInput.Prepare(mentees, mentors, weights);
        var mentorOf = input.Mentees.Length == 0 || input.Mentors.Length == 0
            ? Enumerable.Repeat(-1, input.Mentees.Length).ToArray()
            : Assign(input);
        return MatchingOutcome.From(input, mentorOf);
    }

    /// <summary>
    /// The matching as a min-cost maximum flow (OR-Tools' SimpleMinCostFlow, SolveMaxFlowWithMinCost): the maximum flow
    /// is the most pairs, and among maximum flows the least cost, with cost = −compatibility, the most compatible.
    /// <code>
    /// source ─(group size)→ group ─(min(size, places), −profile part)→ profile hub ─(capacity, −score part)→ mentor ─(capacity)→ sink
    ///                            └─(min(size, capacity), −(profile part + score part))→ mentor   (only where the hub holds a barred mentor)
    /// </code>
    /// A pair's compatibility splits into a part that depends on the two work profiles only and a part that depends on the
    /// mentor only (their score). So instead of an arc from every mentee to every mentor (20 million at 10,000 × 2,000),
    /// two aggregations keep the network small, and both are exact:
    /// <list type="bullet">
    /// <item>Interchangeable mentees are one group node (<see cref="MenteeGroup"/>): same profile and same barred mentors
    /// means the same arcs at the same costs, so any matching of the individuals is a flow of the group and any integral
    /// flow of the group is a matching of its members, with the same number of pairs and the same total.</item>
    /// <item>Mentors with the same profile share a hub. A group reaches a hub only when none of the hub's mentors is
    /// barred for it, so every path group → hub → mentor is an allowed pair, and its cost, profile part plus score
    /// part, is that pair's cost. Where a hub holds a mentor barred for the group, the group gets direct arcs to the
    /// hub's other mentors instead (chains are short, so these are few).</item>
    /// </list>
    /// The integral optimal flow is then split back into pairs deterministically, in group and mentor order.
    /// </summary>
    private static int[] Assign(MatchingInput input)
    {
        var groups = MenteeGroup.Of(input);
        var mentors = input.Mentors;
        var hubOfProfile = new Dictionary<int, int>();
        var hubOf = new int[mentors.Length];
        var hubMembers = new List<List<int>>();
        for (var mentor = 0; mentor < mentors.Length; mentor++)
        {
            if (!hubOfProfile.TryGetValue(input.MentorProfile[mentor], out var hub))
            {
                hub = hubMembers.Count;
                hubOfProfile.Add(input.MentorProfile[mentor], hub);
                hubMembers.Add([]);
            }

            hubOf[mentor] = hub;
            hubMembers[hub].Add(mentor);
        }

        var hubProfile = hubOfProfile.OrderBy(h => h.Value).Select(h => h.Key).ToArray();
        var hubPlaces = hubMembers.Select(members => members.Sum(m => (long)mentors[m].Capacity)).ToArray();
        var scoreCost = input.ScoreCompatibility.Select(Cost).ToArray();

        const int source = 0, sink = 1;
        int GroupNode(int group) => 2 + group;
        int HubNode(int hub) => 2 + groups.Count + hub;
        int MentorNode(int mentor) => 2 + groups.Count + hubMembers.Count + mentor;

        var nodes = 2 + groups.Count + hubMembers.Count + mentors.Length;
        var arcs = (long)groups.Count * (1 + hubMembers.Count) + (2L * mentors.Length);
        using var flow = new MinCostFlow(nodes, (int)Math.Min(arcs, int.MaxValue));
        flow.SetNodeSupply(source, input.Mentees.Length);
        flow.SetNodeSupply(sink, -input.Mentees.Length);

        var toHub = new List<(int Group, int Hub, int Arc)>();
        var toMentor = new List<(int Group, int Mentor, int Arc)>();
        var hubHoldsBarred = new int[hubMembers.Count];
        var barred = new int[mentors.Length];
        for (var group = 0; group < groups.Count; group++)
        {
            var size = groups[group].Members.Count;
            flow.AddArcWithCapacityAndUnitCost(source, GroupNode(group), size, 0);

            // Stamps (group + 1) instead of clearing arrays per group.
            var stamp = group + 1;
            foreach (var mentor in groups[group].Forbidden)
            {
                barred[mentor] = stamp;
                hubHoldsBarred[hubOf[mentor]] = stamp;
            }

            for (var hub = 0; hub < hubMembers.Count; hub++)
            {
                var profileCost = Cost(input.AttributeCompatibility[groups[group].Profile, hubProfile[hub]]);
                if (hubHoldsBarred[hub] != stamp)
                {
                    var arc = flow.AddArcWithCapacityAndUnitCost(GroupNode(group), HubNode(hub), Math.Min(size, hubPlaces[hub]), -profileCost);
                    toHub.Add((group, hub, arc));
                    continue;
                }

                foreach (var mentor in hubMembers[hub].Where(m => barred[m] != stamp))
                {
                    var arc = flow.AddArcWithCapacityAndUnitCost(
                        GroupNode(group), MentorNode(mentor), Math.Min(size, mentors[mentor].Capacity), -(profileCost + scoreCost[mentor]));
                    toMentor.Add((group, mentor, arc));
                }
            }
        }

        var fromHub = new int[mentors.Length];
        for (var mentor = 0; mentor < mentors.Length; mentor++)
        {
            fromHub[mentor] = flow.AddArcWithCapacityAndUnitCost(HubNode(hubOf[mentor]), MentorNode(mentor), mentors[mentor].Capacity, -scoreCost[mentor]);
            flow.AddArcWithCapacityAndUnitCost(MentorNode(mentor), sink, mentors[mentor].Capacity, 0);
        }

        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The min-cost flow solver stopped with status {status}.");
        }

        // Back to pairs. Direct arcs name their mentor; a hub's incoming units (in group order) are handed its outgoing
        // units (in mentor order) one by one, which is valid because every group that reaches a hub may have any of its mentors.
        var received = groups.Select(_ => new List<int>()).ToArray();
        foreach (var (group, mentor, arc) in toMentor)
        {
            received[group].AddRange(Enumerable.Repeat(mentor, (int)flow.Flow(arc)));
        }

        var arriving = hubMembers.Select(_ => new List<(int Group, long Units)>()).ToArray();
        foreach (var (group, hub, arc) in toHub)
        {
            var units = flow.Flow(arc);
            if (units > 0)
            {
                arriving[hub].Add((group, units));
            }
        }

        var next = new int[hubMembers.Count];
        var handed = new long[hubMembers.Count];
        for (var mentor = 0; mentor < mentors.Length; mentor++)
        {
            var hub = hubOf[mentor];
            for (var units = flow.Flow(fromHub[mentor]); units > 0; units--)
            {
                var (group, arrived) = arriving[hub][next[hub]];
                received[group].Add(mentor);
                if (++handed[hub] == arrived)
                {
                    (next[hub], handed[hub]) = (next[hub] + 1, 0);
                }
            }
        }

        var mentorOf = Enumerable.Repeat(-1, input.Mentees.Length).ToArray();
        for (var group = 0; group < groups.Count; group++)
        {
            var members = groups[group].Members;
            received[group].Sort();
            Debug.Assert(received[group].Count <= members.Count, "A group cannot receive more mentors than it has members.");
            for (var i = 0; i < received[group].Count; i++)
            {
                mentorOf[members[i]] = received[group][i];
            }
        }

        return mentorOf;
    }

    private static long Cost(double compatibility) => (long)Math.Round(compatibility * CostScale);
}
