using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Criteria;

/// <summary>
/// The Criteria stage's decision, as a pure function of the definition and the data: who is in the target population,
/// who is an eligible mentee or mentor and why, how they rank, and which mentees are nominated.
/// </summary>
public static class CandidateEvaluator
{
    public static IReadOnlyList<Candidate> Evaluate(
        ProgramDefinition definition,
        IReadOnlyList<DirectoryUser> users,
        IReadOnlyList<PersonMetrics> metrics)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(metrics);

        var criteria = definition.Criteria;
        var menteeRules = criteria.Mentee.Eligibility.Select(EligibilityRule.Compile).ToList();
        var mentorRules = criteria.Mentor.Eligibility.Select(EligibilityRule.Compile).ToList();
        var enabled = users.Where(u => u.AccountEnabled && u.Email is { Length: > 0 })
            .Select(u => u.Email!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var target = users.Where(u => u.AccountEnabled && InTarget(u, definition.TargetPopulation))
            .Select(u => u.Email)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var mentees = new List<(PersonMetrics Person, IReadOnlyList<RuleResult> Rules, bool Eligible)>();
        var mentors = new List<(PersonMetrics Person, IReadOnlyList<RuleResult> Rules, bool Eligible)>();
        foreach (var person in metrics)
        {
            if (!enabled.Contains(person.Email))
            {
                continue;
            }

            if (target.Contains(person.Email))
            {
                var results = menteeRules.Select(r => r.Evaluate(person)).ToList();
                var eligible = results.TrueForAll(r => r.Passed);
                mentees.Add((person, results, eligible));
                if (eligible)
                {
                    continue; // an eligible mentee is never also a mentor candidate
                }
            }

            var mentorResults = mentorRules.Select(r => r.Evaluate(person)).ToList();
            if (mentorResults.TrueForAll(r => r.Passed))
            {
                mentors.Add((person, mentorResults, true));
            }
        }

        var menteeRanking = SelectionScorer.Rank([.. mentees.Where(m => m.Eligible).Select(m => m.Person)], criteria.Mentee.Selection)
            .ToDictionary(s => s.Person.Email, StringComparer.OrdinalIgnoreCase);
        var mentorRanking = SelectionScorer.Rank([.. mentors.Select(m => m.Person)], criteria.Mentor.Selection)
            .ToDictionary(s => s.Person.Email, StringComparer.OrdinalIgnoreCase);

        var candidates = new List<Candidate>(mentees.Count + mentors.Count);
        foreach (var (person, rules, eligible) in mentees)
        {
            var scored = menteeRanking.GetValueOrDefault(person.Email);
            candidates.Add(new Candidate(
                person.Email, person.Name, CandidatePool.Mentee, eligible, rules, person.All,
                scored?.Score, scored?.Rank, scored?.Contributions ?? [], scored is not null && scored.Rank <= criteria.Mentee.MaxNominees));
        }

        foreach (var (person, rules, _) in mentors)
        {
            var scored = mentorRanking[person.Email];
            candidates.Add(new Candidate(
                person.Email, person.Name, CandidatePool.Mentor, true, rules, person.All,
                scored.Score, scored.Rank, scored.Contributions, Nominated: false));
        }

        return candidates;
    }

    /// <summary>In the target population: each non-empty filter list contains the person's value (ignoring case).</summary>
    public static bool InTarget(DirectoryUser user, TargetPopulation target)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(target);
        return Matches(target.Departments, user.Department)
            && Matches(target.JobTitles, user.JobTitle)
            && Matches(target.Countries, user.Country);
    }

    private static bool Matches(IReadOnlyList<string> allowed, string? value) =>
        allowed.Count == 0 || (value is not null && allowed.Any(a => a.Equals(value, StringComparison.OrdinalIgnoreCase)));
}
