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

// The Criteria stage at scale: 50,000 people and 500,000 opportunities from files — load, join, evaluate, rank,
// and serialise the candidate rows — measured in a child process of its own, so its peak memory is the run's alone.
//   dotnet run -c Release --project tests/MentorFlow.Benchmarks [-- people opportunities]
var invariant = CultureInfo.InvariantCulture;
if (args is ["--measure", var dataFolder, var programFile])
{
    Measure(dataFolder, programFile);
    return 0;
}

var people = args.Length > 0 ? int.Parse(args[0], invariant) : 50_000;
var opportunities = args.Length > 1 ? int.Parse(args[1], invariant) : 500_000;
var folder = Path.Combine(Path.GetTempPath(), $"mentorflow-bench-{people}-{opportunities}");
if (!File.Exists(Path.Combine(folder, "quotas.csv")))
{
    var generate = Stopwatch.StartNew();
    // The generator's organisation chart does not land on exact totals: generate once, then scale both knobs once.
    var perSeller = Math.Max(1, (int)Math.Round(opportunities / (people * 0.8)));
    var company = SampleCompany.Generate(people, seed: 50_000, asOf: SampleDefaults.AsOf, opportunitiesPerSeller: perSeller);
    var scaledPeople = (int)Math.Round(people * (double)people / company.Users.Count);
    var scaledPerSeller = Math.Max(1, (int)Math.Round(perSeller * (double)opportunities / company.Opportunities.Count * company.Users.Count / people));
    company = SampleCompany.Generate(scaledPeople, seed: 50_000, asOf: SampleDefaults.AsOf, opportunitiesPerSeller: scaledPerSeller);
    company.Write(folder);
    Console.WriteLine($"Generated {company.Users.Count:N0} people and {company.Opportunities.Count:N0} opportunities in {generate.Elapsed.TotalSeconds:0.0} s into {folder}");
}

var repository = FindRepository();
var self = typeof(SampleDefaults).Assembly.Location.Replace("MentorFlow.SampleData.dll", "MentorFlow.Benchmarks.dll", StringComparison.Ordinal);
var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
foreach (var argument in new[] { self, "--measure", folder, Path.Combine(repository, "samples", "programs", "sales-leadership-2027.json") })
{
    start.ArgumentList.Add(argument);
}

using var child = Process.Start(start)!;
await child.WaitForExitAsync();
return child.ExitCode;

static void Measure(string folder, string programFile)
{
    var definition = ProgramDefinitionParser.Parse(File.ReadAllText(programFile)).Definition
        ?? throw new InvalidOperationException("The sample program does not parse.");
    var createdAt = new DateTimeOffset(SampleDefaults.AsOf.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    var window = MetricsCalculator.Window(createdAt, definition.Criteria.PerformanceWindow);
    var total = Stopwatch.StartNew();

    var phase = Stopwatch.StartNew();
    var directory = new FileDirectory(Options.Create(new DirectoryOptions { File = Path.Combine(folder, "directory.json") }));
    var users = directory.ListUsersAsync(CancellationToken.None).GetAwaiter().GetResult();
    var loadDirectory = phase.Elapsed;

    phase.Restart();
    var crm = new FilePerformanceSource(
        Options.Create(new CrmOptions
        {
            OpportunitiesFile = Path.Combine(folder, "opportunities.csv"),
            QuotasFile = Path.Combine(folder, "quotas.csv"),
        }),
        NullLogger<FilePerformanceSource>.Instance);
    var opportunities = crm.GetOpportunitiesAsync(window, CancellationToken.None).GetAwaiter().GetResult();
    var quotas = crm.GetQuotasAsync(window, CancellationToken.None).GetAwaiter().GetResult();
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
    using var process = Process.GetCurrentProcess();
    process.Refresh();

    var invariant = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(invariant, $"""
        Criteria scale run on {Environment.ProcessorCount} cores (.NET {Environment.Version}):
          people {users.Count:N0}; opportunity rows in the file {File.ReadLines(Path.Combine(folder, "opportunities.csv")).Count() - 1:N0}, of which {opportunities.Count:N0} count for the window; quota periods {quotas.Count:N0}
          load directory   {loadDirectory.TotalMilliseconds,8:N0} ms
          load CRM         {loadCrm.TotalMilliseconds,8:N0} ms
          join + metrics   {join.TotalMilliseconds,8:N0} ms
          evaluate + rank  {evaluate.TotalMilliseconds,8:N0} ms   ({candidates.Count:N0} candidates, {candidates.Count(c => c.Eligible && c.Pool == CandidatePool.Mentee):N0} eligible mentees, {candidates.Count(c => c.Nominated)} nominated, {candidates.Count(c => c.Pool == CandidatePool.Mentor):N0} mentors)
          serialise rows   {serialise.TotalMilliseconds,8:N0} ms   ({bytes / 1024.0 / 1024.0:N1} MB of candidate rows)
          total            {total.Elapsed.TotalMilliseconds,8:N0} ms   (target < 5,000 ms)
          people / second  {users.Count / total.Elapsed.TotalSeconds,8:N0}
          peak memory      {process.PeakWorkingSet64 / 1024.0 / 1024.0,8:N0} MB   (target < 1,024 MB)
        """));
}

static string FindRepository()
{
    var folder = new DirectoryInfo(AppContext.BaseDirectory);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MentorFlow.sln")))
    {
        folder = folder.Parent;
    }

    return folder?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
