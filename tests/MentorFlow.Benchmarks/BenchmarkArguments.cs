using System.Globalization;

namespace MentorFlow.Benchmarks;

/// <summary>The command line: section names in any order (none: all), then the number of people and of opportunities.</summary>
internal sealed record BenchmarkArguments(IReadOnlyList<string> SectionNames, int People, int Opportunities, string? Problem)
{
    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        var sections = new List<string>();
        var numbers = new List<int>();
        foreach (var argument in args)
        {
            if (int.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                numbers.Add(number);
            }
            else if (Sections.Names.Contains(argument, StringComparer.OrdinalIgnoreCase))
            {
                sections.Add(argument.ToLowerInvariant());
            }
            else
            {
                return new([], 0, 0, $"Unknown argument '{argument}'. Use: [{string.Join("|", Sections.Names)} ...] [people [opportunities]]");
            }
        }

        return new(
            sections.Count == 0 ? Sections.Names : [.. Sections.Names.Where(sections.Contains)],
            numbers.Count > 0 ? numbers[0] : 50_000,
            numbers.Count > 1 ? numbers[1] : 500_000,
            null);
    }
}
