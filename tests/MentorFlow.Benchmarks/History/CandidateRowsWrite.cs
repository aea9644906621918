using System.Diagnostics;
using Azure.Data.Tables;
using MentorFlow.Integrations.CompanyDirectory;
using MentorFlow.Integrations.Criteria;
using MentorFlow.Integrations.Crm;
using MentorFlow.Integrations.Storage;
using MentorFlow.SampleData;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFlow.Benchmarks.History;

/// <summary>
/// Writing the evaluated candidates with the real <see cref="TableCandidateStore"/> (100 rows a transaction) to table
/// storage on Azurite, and reading the API's first page back.
/// </summary>
internal static class CandidateRowsWrite
{
    public static async Task RunAsync(BenchmarkData data, string connectionString)
    {
        var definition = ProgramDefinitionParser.Parse(await File.ReadAllTextAsync(data.ProgramFile)).Definition
            ?? throw new InvalidOperationException("The sample program does not parse.");
        var window = MetricsCalculator.Window(
            new DateTimeOffset(SampleDefaults.AsOf.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), definition.Criteria.PerformanceWindow);
        var users = await new FileDirectory(Options.Create(new DirectoryOptions { File = data.DirectoryFile })).ListUsersAsync(CancellationToken.None);
        var crm = new FilePerformanceSource(
            Options.Create(new CrmOptions { OpportunitiesFile = data.OpportunitiesFile, QuotasFile = data.QuotasFile }),
            NullLogger<FilePerformanceSource>.Instance);
        var metrics = MetricsCalculator.Compute(
            users, await crm.GetOpportunitiesAsync(window, CancellationToken.None), await crm.GetQuotasAsync(window, CancellationToken.None), window);
        List<CandidateView> candidates = [.. CandidateEvaluator.Evaluate(definition, users, metrics).Select(c => CandidateView.From(c))];

        var store = new TableCandidateStore(
            new TableServiceClient(connectionString), Options.Create(new TableStorageOptions { ConnectionString = connectionString, TablePrefix = "Bench" }));
        var programId = "prg-benchmark";
        var write = Stopwatch.StartNew();
        await store.SaveAsync(programId, candidates, CancellationToken.None);
        write.Stop();
        var read = Stopwatch.StartNew();
        var (total, page) = await store.ListAsync(programId, skip: 0, top: 100, CancellationToken.None);
        read.Stop();

        Console.WriteLine("Candidate rows to table storage (the real TableCandidateStore, 100 rows a transaction, on Azurite 3.37.0 in memory):");
        Sections.Print($"  {$"write {candidates.Count:N0} rows",-40} {write.Elapsed.TotalMilliseconds,8:N0} ms   ({candidates.Count / write.Elapsed.TotalSeconds:N0} rows/s)");
        Sections.Print($"  {$"read the API's first page of {page.Count}",-40} {read.Elapsed.TotalMilliseconds,8:N0} ms   (a point read of the count and a range query over row keys, of {total:N0} rows)");
    }
}
