using MentorFlow.SampleData;
using MentorFlow.Workflows.Criteria;
using Xunit.Abstractions;

namespace MentorFlow.Workflows.Tests.Criteria;

/// <summary>The sample company the local host uses: reproducible from its seed, and it gives the sample program real candidates.</summary>
public sealed class SampleCompanyTests(ITestOutputHelper output)
{
    private static string RepositoryFile(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MentorFlow.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine([folder!.FullName, .. parts]);
    }

    [Fact]
    public void Generate_DefaultSeed_ReproducesTheCommittedSamples()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sample-" + Guid.NewGuid().ToString("N"));
        try
        {
            SampleCompany.Generate(SampleDefaults.People, SampleDefaults.Seed, SampleDefaults.AsOf).Write(folder);

            foreach (var file in new[] { "directory.json", "opportunities.csv", "quotas.csv" })
            {
                Assert.True(
                    File.ReadAllText(Path.Combine(folder, file)) == File.ReadAllText(RepositoryFile("samples", "company", file)),
                    $"samples/company/{file} differs from what the generator writes; regenerate it with: dotnet run --project tests/MentorFlow.SampleData");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SampleProgram_OnSampleCompany_HasRankedMenteesAndMentors()
    {
        var company = SampleCompany.Generate(SampleDefaults.People, SampleDefaults.Seed, SampleDefaults.AsOf);
        var definition = MentorFlow.Workflows.Definitions.ProgramDefinitionParser.Parse(File.ReadAllText(RepositoryFile("samples", "programs", "sales-leadership-2027.json"))).Definition!;
        var window = MetricsCalculator.Window(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), definition.Criteria.PerformanceWindow);

        var metrics = MetricsCalculator.Compute(company.Users, company.Opportunities, company.Quotas, window);
        var candidates = CandidateEvaluator.Evaluate(definition, company.Users, metrics);

        var mentees = candidates.Where(c => c.Pool == CandidatePool.Mentee).ToList();
        var eligible = mentees.Count(c => c.Eligible);
        var mentors = candidates.Count(c => c.Pool == CandidatePool.Mentor);
        var nominated = mentees.Count(c => c.Nominated);
        output.WriteLine($"{company.Users.Count} people: {mentees.Count} in the target population, {eligible} eligible mentees, {nominated} nominated, {mentors} eligible mentors.");
        Assert.InRange(eligible, definition.Criteria.Mentee.MaxNominees, mentees.Count - 1);
        Assert.Equal(definition.Criteria.Mentee.MaxNominees, nominated);
        Assert.InRange(mentors, 3, 60);
    }
}
