using System.Diagnostics;
using System.Globalization;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Matching;

namespace MentorFlow.Benchmarks.Matching;

/// <summary>
/// The matching at scale: 10,000 mentees and 2,000 mentors with 5 places each in a generated company (fixed seed), solved
/// by <see cref="MentorMatcher"/> and by the <see cref="GreedyMatcher"/> baseline; prints time, peak memory and quality.
/// Figures are measured here, never asserted in tests. Run it in the Release configuration.
/// </summary>
public static class MatchingBenchmark
{
    /// <param name="args">Optional: mentees, mentors, places per mentor (defaults 10,000, 2,000, 5).</param>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var invariant = CultureInfo.InvariantCulture;
        var menteeCount = args.Length > 0 ? int.Parse(args[0], invariant) : 10_000;
        var mentorCount = args.Length > 1 ? int.Parse(args[1], invariant) : 2_000;
        var capacity = args.Length > 2 ? int.Parse(args[2], invariant) : 5;
        var weights = new Dictionary<string, double>
        {
            [MatchingFactors.SameCountry] = 0.3,
            [MatchingFactors.SameOffice] = 0.0,
            [MatchingFactors.DifferentDepartment] = 0.1,
            [MatchingFactors.MentorScore] = 0.6,
        };

        var clock = Stopwatch.StartNew();
        var company = MatchingCompany.Generate(menteeCount, mentorCount, capacity, seed: 20_270);
        var generate = clock.Elapsed;
        var mentees = company.Mentees;
        var mentors = company.Mentors;
        var reportToMentor = mentees.Count(m => m.Chain.Count > 0 && mentors.Any(s => s.Person.Id == m.Chain[0]));
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        var before = process.WorkingSet64;

        // The first solve includes loading OR-Tools' native libraries; the second is the steady state.
        // CPU time is reported beside wall time: on a shared machine the wall clock also counts waiting for a core.
        clock.Restart();
        var cpu = process.TotalProcessorTime;
        var solved = MentorMatcher.Solve(mentees, mentors, weights);
        var firstSolve = clock.Elapsed;
        process.Refresh();
        var firstCpu = process.TotalProcessorTime - cpu;
        var peak = process.PeakWorkingSet64;
        clock.Restart();
        cpu = process.TotalProcessorTime;
        var again = MentorMatcher.Solve(mentees, mentors, weights);
        var secondSolve = clock.Elapsed;
        process.Refresh();
        var secondCpu = process.TotalProcessorTime - cpu;
        var deterministic = solved.Pairs.Select(p => (p.MenteeEmail, p.MentorEmail)).SequenceEqual(again.Pairs.Select(p => (p.MenteeEmail, p.MentorEmail)));

        clock.Restart();
        cpu = process.TotalProcessorTime;
        var greedy = GreedyMatcher.Solve(mentees, mentors, weights);
        var greedyTime = clock.Elapsed;
        process.Refresh();
        var greedyCpu = process.TotalProcessorTime - cpu;

        Console.WriteLine(string.Create(invariant, $"""
            Matching scale run on {Environment.ProcessorCount} cores (.NET {Environment.Version}):
              company          {company.Employees:N0} employees; {mentees.Count:N0} mentees ({reportToMentor:N0} report directly to a mentor), {mentors.Count:N0} mentors × {capacity} places = {mentors.Sum(m => m.Capacity):N0} places
              generate         {generate.TotalMilliseconds,8:N0} ms
              solver           {firstSolve.TotalMilliseconds,8:N0} ms first (with native load; CPU {firstCpu.TotalMilliseconds:N0} ms), {secondSolve.TotalMilliseconds:N0} ms second (CPU {secondCpu.TotalMilliseconds:N0} ms); same pairs both times: {deterministic}
              memory           {before / 1048576.0,8:N0} MB working set before, {peak / 1048576.0:N0} MB peak after the first solve
              solver result    {solved.Pairs.Count,8:N0} pairs, {solved.Unmatched.Count:N0} unmatched, total compatibility {solved.TotalCompatibility:N2} (mean {Mean(solved):N4}); {Describe(solved)}
              greedy           {greedyTime.TotalMilliseconds,8:N0} ms (CPU {greedyCpu.TotalMilliseconds:N0} ms)
              greedy result    {greedy.Pairs.Count,8:N0} pairs, {greedy.Unmatched.Count:N0} unmatched, total compatibility {greedy.TotalCompatibility:N2} (mean {Mean(greedy):N4}); {Describe(greedy)}
              improvement      {solved.Pairs.Count - greedy.Pairs.Count,8:+#,0;-#,0;0} pairs, total compatibility {solved.TotalCompatibility - greedy.TotalCompatibility:+#,0.00;-#,0.00;0} ({(greedy.TotalCompatibility > 0 ? ((solved.TotalCompatibility / greedy.TotalCompatibility) - 1) * 100 : 0):+0.0;-0.0;0.0} %)
            """));
        foreach (var reason in solved.Unmatched.GroupBy(u => u.Reason).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(string.Create(invariant, $"  unmatched        {reason.Count(),8:N0} × {reason.Key}"));
        }

        return 0;
    }

    private static double Mean(MatchingResult result) => result.Pairs.Count == 0 ? 0 : result.TotalCompatibility / result.Pairs.Count;

    // How often the pairs hit the profile factors: a pair "has" a factor when that factor's value is 1.
    private static string Describe(MatchingResult result)
    {
        double Share(string factor) => result.Pairs.Count == 0 ? 0
            : (double)result.Pairs.Count(p => p.Explanation.Any(e => e.Factor == factor && e.Value >= 1)) / result.Pairs.Count;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"same country {Share(MatchingFactors.SameCountry):P0}, different department {Share(MatchingFactors.DifferentDepartment):P0}");
    }
}
