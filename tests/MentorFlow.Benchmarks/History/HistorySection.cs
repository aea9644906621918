using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MentorFlow.Local.Storage;
using MentorFlow.Testing;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Stages;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Benchmarks.History;

/// <summary>
/// The durable history of one program up to the end of the Criteria stage, measured where it is kept: the real local
/// host (DurableTask.Core's TaskHubWorker over the Azure Storage backend Durable Functions uses) runs the sample program
/// on the benchmark's directory and CRM files, on an in-memory Azurite of its own; the program manager and the sales
/// leaders approve through their email links; then every row of the task hub's History table (and any large-message
/// blob) is read back and measured per orchestration instance. Before that, the candidate rows are written to the
/// same Azurite directly, to time table storage.
/// </summary>
internal static class HistorySection
{
    private static readonly TimeSpan ProgramTimeout = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(BenchmarkData data)
    {
        using var starting = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions { ToolsDirectory = TestPaths.ToolsDirectory, DataLocation = null, PreferredBlobPort = null },
            NullLogger.Instance,
            starting.Token);

        await CandidateRowsWrite.RunAsync(data, azurite.ConnectionString);
        Console.WriteLine();

        var settings = new LocalHostSettings
        {
            ConnectionString = azurite.ConnectionString,
            Settings = new Dictionary<string, string>
            {
                ["MentorFlow:Directory:File"] = data.DirectoryFile,
                ["MentorFlow:Crm:OpportunitiesFile"] = data.OpportunitiesFile,
                ["MentorFlow:Crm:QuotasFile"] = data.QuotasFile,
                ["Logging:LogLevel:Default"] = "Warning",
            },
        };
        ProgramDriver driver;
        JsonObject program;
        var clock = Stopwatch.StartNew();
        try
        {
            await using var host = await LocalHostProcess.StartAsync(settings);
            using var browser = new HttpClient { BaseAddress = host.BaseAddress };
            driver = new ProgramDriver(host.Client, browser);
            clock.Restart();
            var programId = await driver.SubmitAsync(await File.ReadAllTextAsync(data.ProgramFile));
            program = await driver.ApproveUntilCriteriaDoneAsync(programId, ProgramTimeout);
            clock.Stop();
            if (program["stages"]![2]!["state"]!.GetValue<string>() != "Done")
            {
                throw new InvalidOperationException($"The program ended {program["status"]} before its Criteria stage was done: {program["reason"]}\n{host.Output}");
            }
        }
        finally
        {
            if (Directory.Exists(settings.DataDirectory))
            {
                Directory.Delete(settings.DataDirectory, recursive: true);
            }
        }

        await ReportAsync(azurite.ConnectionString, settings.TaskHub, program, driver, clock.Elapsed);
    }

    private static async Task ReportAsync(string connectionString, string taskHub, JsonObject program, ProgramDriver driver, TimeSpan elapsed)
    {
        var programId = program["id"]!.GetValue<string>();
        var history = new List<TableEntity>();
        await foreach (var row in new TableClient(connectionString, taskHub + "History").QueryAsync<TableEntity>())
        {
            history.Add(row);
        }

        var instances = history.GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .Select(g => new InstanceHistory(g.Key, g.Count(), g.Sum(EntitySize.Utf8), g.Sum(EntitySize.AzureFormula)))
            .ToList();
        var programHistory = instances.Single(i => i.InstanceId == programId);
        var stages = instances.Where(i => i.InstanceId is var id && (id == programId + "-define" || id == programId + "-roles")).ToList();
        var criteriaStage = instances.Single(i => i.InstanceId == programId + "-criteria");
        var charter = instances.Where(i => i.InstanceId == ApprovalEvents.InstanceId(programId, ProgramOrchestrator.CharterApprovalId)).ToList();
        var nominations = instances.Where(i => i.InstanceId.StartsWith(ApprovalEvents.InstanceId(programId, "nominations-"), StringComparison.Ordinal)).ToList();
        var upToCriteria = new[] { programHistory, criteriaStage }.Concat(stages).Concat(charter).Concat(nominations).ToList();
        var later = instances.Except(upToCriteria).ToList();

        long statusBytes = 0;
        var statusRows = 0;
        await foreach (var row in new TableClient(connectionString, taskHub + "Instances").QueryAsync<TableEntity>())
        {
            statusRows++;
            statusBytes += EntitySize.Utf8(row);
        }

        // Payloads too large for a table row go to blobs; none should.
        long blobBytes = 0;
        var blobs = 0;
        var largeMessages = new BlobServiceClient(connectionString).GetBlobContainerClient(taskHub.ToLowerInvariant() + "-largemessages");
        if (await largeMessages.ExistsAsync())
        {
            await foreach (var blob in largeMessages.GetBlobsAsync())
            {
                blobs++;
                blobBytes += blob.Properties.ContentLength ?? 0;
            }
        }

        var counts = program["counts"]!.AsObject();
        Sections.Print($"""
            Durable history of one program to the end of Criteria, measured in storage. Method: the real local host
            (DurableTask.Core TaskHubWorker, Azure Storage backend, Azurite 3.37.0 in memory) ran the sample program on the
            benchmark's files: {counts["candidates"]!.GetValue<int>():N0} candidates, {counts["nominees"]!.GetValue<int>():N0} nominees. The program manager and each leader pressed
            Approve behind their email links ({driver.Approvals} approvals); then every row of the task hub's History table was
            read back and measured (keys, property names and values; text as UTF-8).
              instance                                          rows        size
            """);
        Line("program orchestration", programHistory.Rows, programHistory.Utf8, "(target < 100 KB) " + (programHistory.Utf8 < 100 * 1024 ? "met" : "MISSED"));
        Line("Define and Roles stage sub-orchestrations", stages.Sum(i => i.Rows), stages.Sum(i => i.Utf8), "");
        Line("Criteria stage sub-orchestration", criteriaStage.Rows, criteriaStage.Utf8, "(target < 100 KB) " + (criteriaStage.Utf8 < 100 * 1024 ? "met" : "MISSED"));
        foreach (var approval in charter)
        {
            Line("charter approval sub-orchestration", approval.Rows, approval.Utf8, "");
        }

        if (nominations.Count > 0)
        {
            Line(
                $"{nominations.Count} nomination approval sub-orchestrations",
                nominations.Sum(n => n.Rows),
                nominations.Sum(n => n.Utf8),
                $"({nominations.Average(n => n.Utf8) / 1024.0:N1} KB each, at most {nominations.Max(n => n.Utf8) / 1024.0:N1} KB; one per leader)");
        }

        var total = upToCriteria.Sum(i => i.Utf8) + blobBytes;
        Line($"all {upToCriteria.Count} instances to the end of Criteria, {blobs} large-message blobs", upToCriteria.Sum(i => i.Rows) + blobs, total, total < 100 * 1024 ? "" : "(over 100 KB: every leader's sub-orchestration adds its own history)");
        if (later.Count > 0)
        {
            Line($"(not counted: {later.Count} instances of the Sponsorship stage, begun as Criteria ended)", later.Sum(i => i.Rows), later.Sum(i => i.Utf8), "");
        }

        // The Criteria stage's history grows with the leaders it waits for, not with the candidates: everything after
        // the Criteria activity's result (each batch's created and completed events, and the stage's end) per leader.
        var criteriaId = programId + "-criteria";
        var criteriaRows = history.Where(r => r.PartitionKey == criteriaId).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        var criteriaDone = criteriaRows.FindIndex(r => r.GetString("EventType") == "TaskCompleted"
            && r.GetInt32("TaskScheduledId") == Scheduled(criteriaRows, nameof(CriteriaStageActivity)).GetInt32("EventId"));
        var beforeLeaders = criteriaRows.Take(criteriaDone + 1).Sum(EntitySize.Utf8);
        var perLeader = (double)criteriaRows.Skip(criteriaDone + 1).Sum(EntitySize.Utf8) / Math.Max(1, nominations.Count);
        Sections.Print($"""
              the Criteria stage's history: {beforeLeaders / 1024.0:N1} KB up to the Criteria result whatever the number of candidates, then about
              {perLeader:N0} bytes per leader waited for, so it would pass 100 KB at about {(100 * 1024 - beforeLeaders) / perLeader:N0} leaders (an estimate from this run);
              the program orchestration's own history does not grow with leaders or candidates
              (Azure's entity-size formula, text as UTF-16: {upToCriteria.Sum(i => i.Azure) / 1024.0:N1} KB to the end of Criteria; Instances table: {statusRows} rows, {statusBytes / 1024.0:N1} KB)
              in the host: CriteriaStageActivity took {ActivityTime(history, criteriaId, nameof(CriteriaStageActivity)).TotalSeconds:N1} s (load, evaluate, write the candidate rows, prepare the nominations);
              the charter was approved after {driver.CharterApproved?.TotalSeconds:N1} s, the leaders' emails were out after {driver.CriteriaWaiting?.TotalSeconds:N1} s, the Criteria stage was done after {elapsed.TotalSeconds:N1} s
            """);
    }

    private static void Line(string what, int rows, long bytes, string note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-46} {rows,6:N0} {bytes / 1024.0,8:N1} KB   {note}").TrimEnd());

    /// <summary>From an activity's TaskScheduled event to its TaskCompleted event, as the history recorded them.</summary>
    private static TimeSpan ActivityTime(List<TableEntity> history, string instanceId, string activity)
    {
        var rows = history.Where(r => r.PartitionKey == instanceId).ToList();
        var scheduled = Scheduled(rows, activity);
        var completed = rows.Single(r => r.GetString("EventType") == "TaskCompleted" && r.GetInt32("TaskScheduledId") == scheduled.GetInt32("EventId"));
        return completed.GetDateTimeOffset("_Timestamp")!.Value - scheduled.GetDateTimeOffset("_Timestamp")!.Value;
    }

    private static TableEntity Scheduled(List<TableEntity> rows, string activity) =>
        rows.Single(r => r.GetString("EventType") == "TaskScheduled" && r.GetString("Name") == activity);

    private sealed record InstanceHistory(string InstanceId, int Rows, long Utf8, long Azure);
}
