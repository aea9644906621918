using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Matching;

namespace MentorFlow.Workflows.Tests.Matching;

/// <summary>Small builders for matching inputs: a person by id and chain, then where they work, then as a mentor.</summary>
internal static class MatchData
{
    /// <summary>A person with email "{id}@example.com" and the given managers, nearest first.</summary>
    public static MatchPerson Person(string id, params string[] chain) =>
        new(id, $"{id}@example.com", id, Country: null, Office: null, Department: null, chain);

    public static MatchPerson In(this MatchPerson person, string? country, string? office = null, string? department = null) =>
        person with { Country = country, Office = office, Department = department };

    public static MentorSlot AsMentor(this MatchPerson person, double score = 0.5, int capacity = 1) => new(person, score, capacity);

    public static Dictionary<string, double> Weights(
        double sameCountry = 0, double sameOffice = 0, double differentDepartment = 0, double mentorScore = 0) => new()
        {
            [MatchingFactors.SameCountry] = sameCountry,
            [MatchingFactors.SameOffice] = sameOffice,
            [MatchingFactors.DifferentDepartment] = differentDepartment,
            [MatchingFactors.MentorScore] = mentorScore,
        };

    /// <summary>The sample programs' weights.</summary>
    public static Dictionary<string, double> SampleWeights() => Weights(sameCountry: 0.3, differentDepartment: 0.1, mentorScore: 0.6);

    /// <summary>The pairs as comparable text, explanation included (records compare lists by reference).</summary>
    public static IReadOnlyList<string> Describe(MatchingResult result) =>
    [
        .. result.Pairs.Select(p => $"{p.MenteeEmail}->{p.MentorEmail} {p.Compatibility:R} [{string.Join(", ", p.Explanation)}]"),
        .. result.Unmatched.Select(u => $"{u.MenteeEmail}: {u.Reason}"),
        $"total {result.TotalCompatibility:R}",
    ];

    /// <summary>Fails unless every pair is allowed, every capacity holds and every mentee appears exactly once.</summary>
    public static void AssertFeasible(IReadOnlyList<MatchPerson> mentees, IReadOnlyList<MentorSlot> mentors, MatchingResult result)
    {
        var menteeByEmail = mentees.ToDictionary(m => m.Email);
        var mentorByEmail = mentors.ToDictionary(m => m.Person.Email);
        Assert.Equal(
            mentees.Select(m => m.Email).Order(StringComparer.Ordinal),
            result.Pairs.Select(p => p.MenteeEmail).Concat(result.Unmatched.Select(u => u.MenteeEmail)).Order(StringComparer.Ordinal));
        Assert.All(result.Pairs, p => Assert.False(ManagementChain.Conflicts(menteeByEmail[p.MenteeEmail], mentorByEmail[p.MentorEmail].Person)));
        Assert.All(result.Pairs.GroupBy(p => p.MentorEmail), g => Assert.True(g.Count() <= mentorByEmail[g.Key].Capacity));
        Assert.Equal(result.Pairs.Sum(p => p.Compatibility), result.TotalCompatibility, 9);
    }
}
