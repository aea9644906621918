using System.Diagnostics;
using MentorFlow.SampleData;

namespace MentorFlow.Benchmarks;

/// <summary>
/// The benchmark's company: a generated directory export and CRM report files in a temporary folder (generated once per
/// size and reused), and the sample program that is evaluated against them.
/// </summary>
internal sealed class BenchmarkData
{
    private BenchmarkData(string folder, string repository)
    {
        Folder = folder;
        Repository = repository;
    }

    public string Folder { get; }

    /// <summary>The folder holding MentorFlow.sln.</summary>
    public string Repository { get; }

    public string DirectoryFile => Path.Combine(Folder, "directory.json");

    public string OpportunitiesFile => Path.Combine(Folder, "opportunities.csv");

    public string QuotasFile => Path.Combine(Folder, "quotas.csv");

    /// <summary>The program every section evaluates: the repository's sample.</summary>
    public string ProgramFile => Path.Combine(Repository, "samples", "programs", "sales-leadership-2027.json");

    public static BenchmarkData At(string folder) => new(folder, FindRepository());

    /// <summary>The data for about this many people and opportunities, generated into a temporary folder unless it is there.</summary>
    public static BenchmarkData Ensure(int people, int opportunities)
    {
        var data = At(Path.Combine(Path.GetTempPath(), $"mentorflow-bench-{people}-{opportunities}"));
        if (File.Exists(data.QuotasFile))
        {
            return data;
        }

        var generate = Stopwatch.StartNew();
        // The generator's organisation chart does not land on exact totals: generate once, then scale both knobs once.
        var perSeller = Math.Max(1, (int)Math.Round(opportunities / (people * 0.8)));
        var company = SampleCompany.Generate(people, seed: 50_000, asOf: SampleDefaults.AsOf, opportunitiesPerSeller: perSeller);
        var scaledPeople = (int)Math.Round(people * (double)people / company.Users.Count);
        var scaledPerSeller = Math.Max(1, (int)Math.Round(perSeller * (double)opportunities / company.Opportunities.Count * company.Users.Count / people));
        company = SampleCompany.Generate(scaledPeople, seed: 50_000, asOf: SampleDefaults.AsOf, opportunitiesPerSeller: scaledPerSeller);

        // Written beside and moved in last, so an interrupted run never leaves a half-written folder that looks complete.
        var partial = data.Folder + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        company.Write(partial);
        if (Directory.Exists(data.Folder))
        {
            Directory.Delete(data.Folder, recursive: true);
        }

        Directory.Move(partial, data.Folder);
        Console.WriteLine($"Generated {company.Users.Count:N0} people and {company.Opportunities.Count:N0} opportunities in {generate.Elapsed.TotalSeconds:0.0} s into {data.Folder}");
        return data;
    }

    private static string FindRepository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MentorFlow.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
