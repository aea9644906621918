using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MentorFlow.Integrations.CompanyDirectory;
using MentorFlow.Integrations.Crm;
using MentorFlow.SampleData;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFlow.Benchmarks.Criteria;

/// <summary>
/// The Criteria stage's computation from the files: load the directory export and the CRM report, join, evaluate,
/// rank, and serialise the candidate rows; time per phase, people per second and peak memory.
/// </summary>
internal static class CriteriaSection
{
    public static async Task RunAsync(BenchmarkData data)
    {
        var definition = ProgramDefinitionParser.Parse(File.ReadAllText(data.ProgramFile)).Definition
            ?? throw new InvalidOperationException("The sample program does not parse.");
        var createdAt = new DateTimeOffset(SampleDefaults.AsOf.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var window = MetricsCalculator.Window(createdAt, definition.Criteria.PerformanceWindow);
        var total = Stopwatch.StartNew();

        var phase = Stopwatch.StartNew();
        var directory = new FileDirectory(Options.Create(new DirectoryOptions { File = data.DirectoryFile }));
        var users = await directory.ListUsersAsync(CancellationToken.None);
        var loadDirectory = phase.Elapsed;

        phase.Restart();
        var crm = new FilePerformanceSource(
            Options.Create(new CrmOptions { OpportunitiesFile = data.OpportunitiesFile, QuotasFile = data.QuotasFile }),
            NullLogger<FilePerformanceSource>.Instance);
        var opportunities = await crm.GetOpportunitiesAsync(window, CancellationToken.None);
        var quotas = await crm.GetQuotasAsync(window, CancellationToken.None);
        var loadCrm = phase.Elapsed;

        phase.Restart();
        var metrics = MetricsCalculator.Compute(users, opportunities, quotas, window);
        var join = phase.Elapsed;

        phase.Restart();
        var candidates = CandidateEvaluator.Evaluate(definition, users, metrics);
        var evaluate = phase.Elapsed;

        phase.Restart();
        long bytes = 0;
        foreach (var candidate in candidates)
        {
            bytes += JsonSerializer.SerializeToUtf8Bytes(CandidateView.From(candidate), MentorFlowJson.Options).Length;
        }

        var serialise = phase.Elapsed;
        total.Stop();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Criteria scale run on {Environment.ProcessorCount} cores (.NET {Environment.Version}):
              people {users.Count:N0}; opportunity rows in the file {File.ReadLines(data.OpportunitiesFile).Count() - 1:N0}, of which {opportunities.Count:N0} count for the window; quota periods {quotas.Count:N0}
              load directory   {loadDirectory.TotalMilliseconds,8:N0} ms
              load CRM         {loadCrm.TotalMilliseconds,8:N0} ms
              join + metrics   {join.TotalMilliseconds,8:N0} ms
              evaluate + rank  {evaluate.TotalMilliseconds,8:N0} ms   ({candidates.Count:N0} candidates, {candidates.Count(c => c.Eligible && c.Pool == CandidatePool.Mentee):N0} eligible mentees, {candidates.Count(c => c.Nominated)} nominated, {candidates.Count(c => c.Pool == CandidatePool.Mentor):N0} mentors)
              serialise rows   {serialise.TotalMilliseconds,8:N0} ms   ({bytes / 1024.0 / 1024.0:N1} MB of candidate rows)
              total            {total.Elapsed.TotalMilliseconds,8:N0} ms   (target < 5,000 ms)
              people / second  {users.Count / total.Elapsed.TotalSeconds,8:N0}
              peak memory      {Sections.PeakMemoryMegabytes(),8:N0} MB   (target < 1,024 MB)
            """));
    }
}
