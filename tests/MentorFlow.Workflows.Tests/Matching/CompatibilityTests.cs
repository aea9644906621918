using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Matching;
using static MentorFlow.Workflows.Tests.Matching.MatchData;

namespace MentorFlow.Workflows.Tests.Matching;

public sealed class CompatibilityTests
{
    [Fact]
    public void Of_SampleWeights_WeightedAverageOfFactors()
    {
        var mentee = Person("e").In("DE", "Berlin", "Sales");
        var mentor = Person("m").In("de", "Munich", "Marketing").AsMentor(score: 0.8);

        var (value, parts) = Compatibility.Of(mentee, mentor, SampleWeights());

        // (0.3 × 1 + 0.1 × 1 + 0.6 × 0.8) / 1.0; sameOffice weighs 0, so it is no part.
        Assert.Equal(0.88, value, 12);
        Assert.Equal(
            [(MatchingFactors.SameCountry, 1d, 0.3), (MatchingFactors.DifferentDepartment, 1d, 0.1), (MatchingFactors.MentorScore, 0.8, 0.48)],
            parts.Select(p => (p.Factor, p.Value, Math.Round(p.Contribution, 12))));
    }

    [Fact]
    public void Of_WeightsNotSummingToOne_DividesByTheirTotal()
    {
        var mentee = Person("e").In("FR", "Berlin ", "Sales");
        var mentor = Person("m").In("DE", "berlin", "sales").AsMentor(score: 0.5);
        var weights = new Dictionary<string, double> { [MatchingFactors.SameOffice] = 2, [MatchingFactors.MentorScore] = 2, ["seniority"] = 5 };

        var (value, parts) = Compatibility.Of(mentee, mentor, weights);

        // (2 × 1 + 2 × 0.5) / 4: the unknown key and the factors left out weigh nothing.
        Assert.Equal(0.75, value, 12);
        Assert.Equal([MatchingFactors.SameOffice, MatchingFactors.MentorScore], parts.Select(p => p.Factor));
        Assert.Equal([0.5, 0.25], parts.Select(p => Math.Round(p.Contribution, 12)));
    }

    [Theory]
    [InlineData("Sales", "Marketing", 1)]
    [InlineData("Sales", "SALES", 0)]
    [InlineData(null, "Marketing", 0)]
    [InlineData("Sales", "  ", 0)]
    public void Of_DifferentDepartment_OneOnlyWhenBothSetAndDifferent(string? menteeDepartment, string? mentorDepartment, double expected)
    {
        var mentee = Person("e").In(null, null, menteeDepartment);
        var mentor = Person("m").In(null, null, mentorDepartment).AsMentor();

        var (value, _) = Compatibility.Of(mentee, mentor, Weights(differentDepartment: 1));

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("DE", "DE", 1)]
    [InlineData("DE", "de", 1)]
    [InlineData("DE", "FR", 0)]
    [InlineData(null, null, 0)]
    [InlineData("DE", null, 0)]
    public void Of_SameCountry_OneOnlyWhenBothSetAndEqualIgnoringCase(string? menteeCountry, string? mentorCountry, double expected)
    {
        var (value, _) = Compatibility.Of(Person("e").In(menteeCountry), Person("m").In(mentorCountry).AsMentor(), Weights(sameCountry: 1));

        Assert.Equal(expected, value);
    }

    [Fact]
    public void Of_AllWeightsZero_ZeroWithNoParts()
    {
        var (value, parts) = Compatibility.Of(Person("e").In("DE"), Person("m").In("DE").AsMentor(score: 1), Weights());

        Assert.Equal(0, value);
        Assert.Empty(parts);
    }

    [Fact]
    public void Of_ScoreOutsideRange_Clamped()
    {
        var (high, _) = Compatibility.Of(Person("e"), Person("m").AsMentor(score: 1.5), Weights(mentorScore: 1));
        var (low, _) = Compatibility.Of(Person("e"), Person("m").AsMentor(score: -0.5), Weights(mentorScore: 1));

        Assert.Equal((1d, 0d), (high, low));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Of_AnyWeights_PartsSumToValue(int seed)
    {
        var random = new Random(seed);
        string?[] countries = ["DE", "de", "FR", null];
        string?[] departments = ["Sales", "Finance", null];
        for (var i = 0; i < 50; i++)
        {
            var mentee = Person("e").In(countries[random.Next(4)], countries[random.Next(4)], departments[random.Next(3)]);
            var mentor = Person("m").In(countries[random.Next(4)], countries[random.Next(4)], departments[random.Next(3)]).AsMentor(random.NextDouble());
            var weights = Weights(random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble());

            var (value, parts) = Compatibility.Of(mentee, mentor, weights);

            Assert.Equal(value, parts.Sum(p => p.Contribution), 12);
            Assert.InRange(value, 0, 1);
            Assert.All(parts, p => Assert.Equal(p.Weight * p.Value / weights.Values.Sum(), p.Contribution, 12));
        }
    }
}
