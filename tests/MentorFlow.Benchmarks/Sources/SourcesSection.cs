using System.Diagnostics;
using MentorFlow.Integrations.CompanyDirectory;
using MentorFlow.Integrations.Crm;
using MentorFlow.SampleData;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using TokenCredential = Azure.Core.TokenCredential;

namespace MentorFlow.Benchmarks.Sources;

/// <summary>
/// How many HTTP requests the real directory and CRM adapters send to load the benchmark's company: the Graph SDK
/// adapter (<see cref="GraphDirectory"/>), and the Dataverse and Salesforce sources as the apps register them
/// (<c>AddMentorFlowCrm()</c>: typed clients, resilience, token handling), each against a local fake serving every row
/// of the benchmark's files. Requests are those the adapters' own counters saw (every attempt), checked against the
/// fake's count.
/// </summary>
internal static class SourcesSection
{
    public static async Task RunAsync(BenchmarkData data)
    {
        var definition = ProgramDefinitionParser.Parse(File.ReadAllText(data.ProgramFile)).Definition
            ?? throw new InvalidOperationException("The sample program does not parse.");
        var window = MetricsCalculator.Window(
            new DateTimeOffset(SampleDefaults.AsOf.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), definition.Criteria.PerformanceWindow);
        var users = await new FileDirectory(Options.Create(new DirectoryOptions { File = data.DirectoryFile })).ListUsersAsync(CancellationToken.None);
        var rows = CrmRows.Read(data);

        Console.WriteLine("Directory and CRM requests (the real adapters against local WireMock fakes serving every row of the benchmark's files, filters not applied):");
        Print("load", "rows", "requests", "target", "time *", "same rows as the files");
        await GraphAsync(users, pageCap: 999, "Graph users, fake pages of 999");
        await GraphAsync(users, pageCap: 100, "Graph users, fake pages of 100 **");

        using (var dataverse = new GeneratingHttpFake(new DataverseFake(rows).Answer))
        using (var services = Crm(new()
        {
            ["MentorFlow:Crm:Provider"] = "Dataverse",
            ["MentorFlow:Crm:Dataverse:Url"] = dataverse.BaseUrl.AbsoluteUri,
        }))
        {
            var opportunities = await CrmAsync(services, dataverse, "Dataverse opportunities, pages of 5,000", DataverseFake.MaxPageSize, rows.Opportunities, s => s.GetOpportunitiesAsync(window, CancellationToken.None));
            var goals = await CrmAsync(services, dataverse, "Dataverse goals (quotas), pages of 5,000", DataverseFake.MaxPageSize, rows.Quotas, s => s.GetQuotasAsync(window, CancellationToken.None));
            Total("Dataverse, a Criteria stage's load", opportunities, goals);
        }

        using (var salesforce = new GeneratingHttpFake(new SalesforceFake(rows).Answer))
        using (var services = Crm(new()
        {
            ["MentorFlow:Crm:Provider"] = "Salesforce",
            ["MentorFlow:Crm:Salesforce:InstanceUrl"] = salesforce.BaseUrl.AbsoluteUri,
            ["MentorFlow:Crm:Salesforce:ClientId"] = "benchmark",
            ["MentorFlow:Crm:Salesforce:ClientSecret"] = "benchmark",
        }))
        {
            // The token request is not data: the adapter's counter leaves it out, and so does the comparison with the fake.
            var opportunities = await CrmAsync(services, salesforce, "Salesforce opportunities, batches of 2,000", SalesforceFake.MaxBatchSize, rows.Opportunities, s => s.GetOpportunitiesAsync(window, CancellationToken.None), tokenRequests: 1);
            var quotas = await CrmAsync(services, salesforce, "Salesforce quotas, batches of 2,000", SalesforceFake.MaxBatchSize, rows.Quotas, s => s.GetQuotasAsync(window, CancellationToken.None));
            Total("Salesforce, a Criteria stage's load ***", opportunities, quotas);
        }

        Sections.Print($"""
              * time of the load without the fake's own time writing its pages (the fake runs in this process)
              ** Graph caps $top at 999, but a query with $expand (the adapter expands manager($select=id)) gets at most 100
                users a page from the real service; the adapter follows whatever pages it is served, so against Graph
                itself a load takes ceil(N/100) requests.
              *** and one token request (client credentials), not counted
              peak memory {Sections.PeakMemoryMegabytes():N0} MB (fakes, pages and adapters in one process)
            """);
    }

    private static async Task GraphAsync(IReadOnlyList<MentorFlow.Workflows.CompanyDirectory.DirectoryUser> users, int pageCap, string label)
    {
        using var graph = new GeneratingHttpFake(new GraphUsersFake(users, pageCap).Answer);
        var counter = new GraphRequestCounter();
        var options = new GraphDirectoryOptions { BaseUrl = new Uri(graph.BaseUrl, "/v1.0") };
        using var client = GraphDirectory.CreateClient(options, new AnonymousAuthenticationProvider(), counter);
        var directory = new GraphDirectory(
            client, Options.Create(new DirectoryOptions { Provider = GraphDirectory.ProviderName, Graph = options }), TimeProvider.System, NullLogger<GraphDirectory>.Instance);

        var time = Stopwatch.StartNew();
        var read = await directory.ListUsersAsync(CancellationToken.None);
        time.Stop();
        Report(label, users.Count, pageCap, counter.Requests, graph.Requests, time.Elapsed - graph.Answering, read.SequenceEqual(users));
    }

    /// <summary>Loads with one CRM source; returns the requests counted and their target.</summary>
    private static async Task<(long Requests, int Target)> CrmAsync<T>(
        ServiceProvider services,
        GeneratingHttpFake fake,
        string label,
        int pageSize,
        IReadOnlyList<T> rows,
        Func<IPerformanceSource, Task<IReadOnlyList<T>>> load,
        int tokenRequests = 0)
    {
        var counter = services.GetRequiredService<CrmRequestCounter>();
        counter.Reset();
        var before = fake.Requests;
        var answering = fake.Answering;
        var time = Stopwatch.StartNew();
        var read = await load(services.GetRequiredService<IPerformanceSource>());
        time.Stop();
        return Report(label, rows.Count, pageSize, counter.Requests, fake.Requests - before - tokenRequests, time.Elapsed - (fake.Answering - answering), read.SequenceEqual(rows));
    }

    private static void Total(string label, (long Requests, int Target) first, (long Requests, int Target) second)
    {
        var requests = first.Requests + second.Requests;
        var target = first.Target + second.Target;
        Print(label, "", $"{requests:N0}", $"{first.Target:N0} + {second.Target:N0} = {target:N0} {(requests <= target ? "met" : "MISSED")}", "", "");
    }

    private static ServiceProvider Crm(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging();
        services.AddKeyedSingleton<TokenCredential>(CrmServiceCollectionExtensions.DataverseCredentialKey, new FixedTokenCredential());
        services.AddMentorFlowCrm();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static (long Requests, int Target) Report(string label, int rows, int pageSize, long requests, long fakeSaw, TimeSpan time, bool same)
    {
        var target = Math.Max(1, (rows + pageSize - 1) / pageSize);
        var counted = requests == fakeSaw ? $"{requests:N0}" : $"{requests:N0} (fake saw {fakeSaw:N0})";
        Print(
            label,
            $"{rows:N0}",
            counted,
            $"ceil({rows:N0}/{pageSize:N0}) = {target:N0} {(requests <= target ? "met" : "MISSED")}",
            $"{time.TotalMilliseconds:N0} ms",
            same ? "yes" : "NO");
        return (requests, target);
    }

    private static void Print(string label, string rows, string requests, string target, string time, string same) =>
        Console.WriteLine($"  {label,-42} {rows,8} {requests,9}   {target,-29} {time,9}   {same}".TrimEnd());
}
