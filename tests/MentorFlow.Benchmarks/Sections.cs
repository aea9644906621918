using System.Diagnostics;
using System.Globalization;
using MentorFlow.Benchmarks.Criteria;
using MentorFlow.Benchmarks.Emails;
using MentorFlow.Benchmarks.History;
using MentorFlow.Benchmarks.Sources;

namespace MentorFlow.Benchmarks;

/// <summary>The benchmark's sections, by the name given on the command line, in the order a full run prints them.</summary>
internal static class Sections
{
    private static readonly (string Name, Func<BenchmarkData, Task> Run)[] All =
    [
        ("criteria", CriteriaSection.RunAsync),
        ("sources", SourcesSection.RunAsync),
        ("emails", EmailsSection.RunAsync),
        ("history", HistorySection.RunAsync),
        ("matching", _ => Task.FromResult(Matching.MatchingBenchmark.Run([]))),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    public static async Task<int> RunAsync(string name, BenchmarkData data)
    {
        var section = All.Single(s => s.Name == name);
        await section.Run(data);
        return 0;
    }

    /// <summary>This process's peak working set in MB: each section runs in a process of its own.</summary>
    public static double PeakMemoryMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>Figures are printed the same on every machine.</summary>
    public static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
