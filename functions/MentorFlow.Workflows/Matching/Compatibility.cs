using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Matching;

/// <summary>
/// How well a mentor suits a mentee: compatibility = Σ weight_f × value_f / Σ weight_f over the factors with a positive
/// weight (0 when no factor has one), so it lies in 0..1. Weights are keyed by the names in <see cref="MatchingFactors"/>;
/// unknown keys are ignored and a factor left out (or weighted 0, negative or not a number) weighs 0. Factor values:
/// <list type="bullet">
/// <item><c>sameCountry</c>, <c>sameOffice</c>: 1 when both people have it set and equal ignoring case (and surrounding spaces), else 0.</item>
/// <item><c>differentDepartment</c>: 1 when both departments are set and differ ignoring case, else 0.</item>
/// <item><c>mentorScore</c>: the mentor's <see cref="MentorSlot.Score"/>, clamped to 0..1.</item>
/// </list>
/// Each explanation part's contribution is weight × value / Σ weight, and the contributions add up to the compatibility.
/// </summary>
public static class Compatibility
{
    public static (double Value, IReadOnlyList<CompatibilityPart> Parts) Of(MatchPerson mentee, MentorSlot mentor, IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(mentee);
        ArgumentNullException.ThrowIfNull(mentor);
        return Of(WorkProfile.Of(mentee), mentor, CompatibilityWeights.From(weights));
    }

    internal static (double Value, IReadOnlyList<CompatibilityPart> Parts) Of(WorkProfile mentee, MentorSlot mentor, CompatibilityWeights weights)
    {
        var profile = WorkProfile.Of(mentor.Person);
        var parts = new CompatibilityPart[weights.Used.Count];
        var value = 0d;
        for (var i = 0; i < parts.Length; i++)
        {
            var (factor, weight) = weights.Used[i];
            var factorValue = factor switch
            {
                MatchingFactors.SameCountry => WorkProfile.SameCountry(mentee, profile),
                MatchingFactors.SameOffice => WorkProfile.SameOffice(mentee, profile),
                MatchingFactors.DifferentDepartment => WorkProfile.DifferentDepartment(mentee, profile),
                _ => ScoreValue(mentor.Score),
            };
            parts[i] = new CompatibilityPart(factor, weight, factorValue, weight * factorValue / weights.Total);
            value += parts[i].Contribution;
        }

        return (value, parts);
    }

    internal static double ScoreValue(double score) => double.IsNaN(score) ? 0 : Math.Clamp(score, 0, 1);
}
