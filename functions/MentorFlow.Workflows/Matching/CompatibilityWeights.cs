using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Matching;

/// <summary>
/// The matching weights read once: the factors with a positive weight, in <see cref="MatchingFactors.All"/> order, and each
/// factor's share of their total, so the solvers can score millions of pairs without a dictionary look-up each.
/// </summary>
internal sealed class CompatibilityWeights
{
    private CompatibilityWeights(IReadOnlyList<(string Factor, double Weight)> used)
    {
        Used = used;
        Total = used.Sum(f => f.Weight);
        SameCountry = Share(MatchingFactors.SameCountry);
        SameOffice = Share(MatchingFactors.SameOffice);
        DifferentDepartment = Share(MatchingFactors.DifferentDepartment);
        MentorScore = Share(MatchingFactors.MentorScore);
    }

    /// <summary>The factors that count: known, with a positive finite weight.</summary>
    public IReadOnlyList<(string Factor, double Weight)> Used { get; }

    public double Total { get; }

    public double SameCountry { get; }

    public double SameOffice { get; }

    public double DifferentDepartment { get; }

    public double MentorScore { get; }

    public static CompatibilityWeights From(IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var used = new List<(string, double)>();
        foreach (var factor in MatchingFactors.All)
        {
            // Negative, zero or non-numeric weights are treated like a factor left out.
            if (weights.TryGetValue(factor, out var weight) && double.IsFinite(weight) && weight > 0)
            {
                used.Add((factor, weight));
            }
        }

        return new CompatibilityWeights(used);
    }

    /// <summary>The part of the compatibility that depends on the two profiles only.</summary>
    public double Attributes(WorkProfile mentee, WorkProfile mentor) =>
        SameCountry * WorkProfile.SameCountry(mentee, mentor)
        + SameOffice * WorkProfile.SameOffice(mentee, mentor)
        + DifferentDepartment * WorkProfile.DifferentDepartment(mentee, mentor);

    /// <summary>The part of the compatibility that depends on the mentor's score only.</summary>
    public double Score(double mentorScore) => MentorScore * Compatibility.ScoreValue(mentorScore);

    private double Share(string factor) => Total > 0 ? Used.Where(f => f.Factor == factor).Sum(f => f.Weight) / Total : 0;
}
