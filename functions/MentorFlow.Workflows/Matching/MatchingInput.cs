namespace MentorFlow.Workflows.Matching;

/// <summary>
/// A matching problem prepared once for both solvers: mentees and mentors in email order (lower-case, ordinal, then
/// ordinal), only mentors with places left, everyone's work profile, the profile-only part of the compatibility for
/// every pair of profiles, and for each mentee the mentors the management chain bars them from.
/// </summary>
internal sealed class MatchingInput
{
    private MatchingInput(IReadOnlyList<MatchPerson> mentees, IReadOnlyList<MentorSlot> mentors, IReadOnlyDictionary<string, double> weights)
    {
        Weights = CompatibilityWeights.From(weights);
        var sorted = EmailOrder.By(Enumerable.Range(0, mentees.Count), i => mentees[i].Email).ToArray();
        Mentees = [.. sorted.Select(i => mentees[i])];
        GivenOrder = new int[sorted.Length];
        for (var position = 0; position < sorted.Length; position++)
        {
            GivenOrder[sorted[position]] = position;
        }

        Mentors = [.. EmailOrder.By(mentors.Where(m => m.Capacity > 0), m => m.Person.Email)];
        Places = Mentors.Sum(m => (long)m.Capacity);

        var profiles = new Dictionary<WorkProfile, int>();
        int ProfileIndex(WorkProfile profile)
        {
            if (!profiles.TryGetValue(profile, out var index))
            {
                index = profiles.Count;
                profiles.Add(profile, index);
            }

            return index;
        }

        MenteeProfile = [.. Mentees.Select(m => ProfileIndex(WorkProfile.Of(m)))];
        var menteeProfileCount = profiles.Count;
        MentorProfile = [.. Mentors.Select(m => ProfileIndex(WorkProfile.Of(m.Person)))];
        Profiles = [.. profiles.OrderBy(p => p.Value).Select(p => p.Key)];
        AttributeCompatibility = new double[Math.Max(menteeProfileCount, 1), Profiles.Count];
        var mentorProfiles = MentorProfile.Distinct().ToArray();
        for (var menteeProfile = 0; menteeProfile < menteeProfileCount; menteeProfile++)
        {
            foreach (var mentorProfile in mentorProfiles)
            {
                AttributeCompatibility[menteeProfile, mentorProfile] = Weights.Attributes(Profiles[menteeProfile], Profiles[mentorProfile]);
            }
        }

        ScoreCompatibility = [.. Mentors.Select(m => Weights.Score(m.Score))];
        Forbidden = BarredMentors();
    }

    public CompatibilityWeights Weights { get; }

    /// <summary>Mentees sorted by email.</summary>
    public MatchPerson[] Mentees { get; }

    /// <summary>For each position in the caller's list, the mentee's index in <see cref="Mentees"/>.</summary>
    public int[] GivenOrder { get; }

    /// <summary>Mentors with capacity, sorted by email.</summary>
    public MentorSlot[] Mentors { get; }

    public long Places { get; }

    public IReadOnlyList<WorkProfile> Profiles { get; }

    public int[] MenteeProfile { get; }

    public int[] MentorProfile { get; }

    /// <summary>[mentee profile, mentor profile]: the compatibility from country, office and department.</summary>
    public double[,] AttributeCompatibility { get; }

    /// <summary>Per mentor: the compatibility from their score, the same for every mentee.</summary>
    public double[] ScoreCompatibility { get; }

    /// <summary>Per mentee: the indices of the mentors they cannot be paired with, ascending.</summary>
    public int[][] Forbidden { get; }

    public double CompatibilityOf(int mentee, int mentor) =>
        AttributeCompatibility[MenteeProfile[mentee], MentorProfile[mentor]] + ScoreCompatibility[mentor];

    public static MatchingInput Prepare(IReadOnlyList<MatchPerson> mentees, IReadOnlyList<MentorSlot> mentors, IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(mentees);
        ArgumentNullException.ThrowIfNull(mentors);
        ArgumentNullException.ThrowIfNull(weights);
        RequireUniqueEmails(mentees, nameof(mentees));
        RequireUniqueEmails([.. mentors.Select(m => m.Person)], nameof(mentors));
        return new MatchingInput(mentees, mentors, weights);
    }

    // The same rule as ManagementChain.Conflicts, through look-ups: the mentors in the mentee's chain, the mentee as a
    // mentor, and the mentors whose chain holds the mentee.
    private int[][] BarredMentors()
    {
        var mentorsById = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var mentorsByManager = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var mentor = 0; mentor < Mentors.Length; mentor++)
        {
            var person = Mentors[mentor].Person;
            Add(mentorsById, person.Id, mentor);
            foreach (var manager in person.Chain)
            {
                Add(mentorsByManager, manager, mentor);
            }
        }

        var barred = new int[Mentees.Length][];
        var found = new SortedSet<int>();
        for (var mentee = 0; mentee < Mentees.Length; mentee++)
        {
            var person = Mentees[mentee];
            found.Clear();
            foreach (var manager in person.Chain.Append(person.Id))
            {
                AddAll(mentorsById, manager, found);
            }

            AddAll(mentorsByManager, person.Id, found);
            barred[mentee] = found.Count == 0 ? [] : [.. found];
        }

        return barred;

        static void Add(Dictionary<string, List<int>> index, string? id, int mentor)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                return;
            }

            if (!index.TryGetValue(id, out var list))
            {
                index.Add(id, list = []);
            }

            if (list.Count == 0 || list[^1] != mentor)
            {
                list.Add(mentor);
            }
        }

        static void AddAll(Dictionary<string, List<int>> index, string? id, SortedSet<int> into)
        {
            if (!string.IsNullOrWhiteSpace(id) && index.TryGetValue(id, out var list))
            {
                into.UnionWith(list);
            }
        }
    }

    private static void RequireUniqueEmails(IReadOnlyList<MatchPerson> people, string parameter)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < people.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(people[i], parameter);
            // Positions, not addresses: the message may end up in a log.
            if (!seen.TryAdd(people[i].Email, i))
            {
                throw new ArgumentException($"Entries {seen[people[i].Email]} and {i} have the same email address; each person may appear once.", parameter);
            }
        }
    }
}
