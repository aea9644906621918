using System.Net;
using System.Text.Json.Nodes;
using MentorFlow.Local.Tests.Api;
using MentorFlow.Testing;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Durability;

/// <summary>
/// Killing the local host (<c>kill -9</c>) loses nothing: programs that were waiting or in flight continue when
/// a new host starts on the same storage, and complete exactly once.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class DurabilityTests(LocalHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillDuringWait_RestartedHost_CompletesEveryWaitingProgram()
    {
        // A host whose worker is off accepts programs but runs none: they wait, deterministically, in storage.
        var settings = new LocalHostSettings { ConnectionString = fixture.Azurite.ConnectionString, WorkerEnabled = false };
        var ids = new List<string>();
        await using (var first = await LocalHostProcess.StartAsync(settings))
        {
            for (var i = 0; i < 3; i++)
            {
                ids.Add(await SubmitAsync(first.Client, SelfApprovingDefinition()));
            }

            var waiting = await GetAsync(first.Client, ids[0]);
            Assert.Equal("Running", waiting["status"]!.GetValue<string>());
            Assert.Equal("Pending", waiting["stages"]![0]!["state"]!.GetValue<string>());
            await first.KillAsync();
        }

        await using var second = await LocalHostProcess.StartAsync(settings with { WorkerEnabled = true });
        foreach (var id in ids)
        {
            var program = await WaitForStatusAsync(second.Client, id, Timeout, "Completed", "Failed");
            Assert.Equal("Completed", program["status"]!.GetValue<string>());
            await AssertRanOnceAsync(second.Client, id);
        }
    }

    [Fact]
    public async Task KillWhileRunning_RestartedHost_CompletesEveryProgramOnce()
    {
        var settings = new LocalHostSettings { ConnectionString = fixture.Azurite.ConnectionString };
        var ids = new List<string>();
        var unfinishedAtKill = 0;
        await using (var first = await LocalHostProcess.StartAsync(settings))
        {
            for (var i = 0; i < 12; i++)
            {
                ids.Add(await SubmitAsync(first.Client, SelfApprovingDefinition()));
            }

            await first.KillAsync();
        }

        // Read storage through a host with no worker: what the killed host left behind, unchanged.
        await using (var observer = await LocalHostProcess.StartAsync(settings with { WorkerEnabled = false }))
        {
            foreach (var id in ids)
            {
                if ((await GetAsync(observer.Client, id))["status"]!.GetValue<string>() != "Completed")
                {
                    unfinishedAtKill++;
                }
            }

            await observer.StopAsync();
        }

        await using var second = await LocalHostProcess.StartAsync(settings);
        foreach (var id in ids)
        {
            var program = await WaitForStatusAsync(second.Client, id, Timeout, "Completed", "Failed");
            Assert.Equal("Completed", program["status"]!.GetValue<string>());
            await AssertRanOnceAsync(second.Client, id);
        }

        // The kill must have interrupted real work, or this test proved nothing about recovery.
        Assert.True(unfinishedAtKill > 0, "Every program had finished before the kill; submit more or kill sooner.");
    }

    [Fact]
    public async Task KillWhileWaitingForApproval_RestartedHost_ApprovalLinkCompletesProgram()
    {
        // The same port for both hosts: the link in the email names it.
        var settings = new LocalHostSettings { ConnectionString = fixture.Azurite.ConnectionString, Port = LocalHostProcess.FreePort() };
        string id;
        string approve;
        await using (var first = await LocalHostProcess.StartAsync(settings))
        {
            id = await SubmitAsync(first.Client, SampleDefinition("sales-leadership-2027.json"));
            approve = ApproveLink(await CharterEmailAsync(first.Client, id));
            Assert.Equal("WaitingForApproval", (await GetAsync(first.Client, id))["status"]!.GetValue<string>());
            await first.KillAsync();
        }

        // The link in the email still works against the new host: same signing key, same storage.
        await using var second = await LocalHostProcess.StartAsync(settings);
        using var browser = new HttpClient();
        using var decided = await PostDecisionAsync(browser, approve, "approve", null);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        // The program went on: past Define and Roles, to the Criteria stage's nominations.
        var program = await WaitForStageAsync(second.Client, id, "Criteria", "WaitingForApproval");
        Assert.Equal("Done", program["stages"]![1]!["state"]!.GetValue<string>());
        var actions = (await AuditAsync(second.Client, id)).Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(1, actions.Count(a => a == "CharterDefined"));
        Assert.Equal(1, actions.Count(a => a == "RolesDefined"));
        Assert.Equal(1, actions.Count(a => a == "CandidatesEvaluated"));
    }

    [Fact]
    public async Task Cancel_WaitingProgram_RecordsWhoAndWhenAndNeverRuns()
    {
        var settings = new LocalHostSettings { ConnectionString = fixture.Azurite.ConnectionString, WorkerEnabled = false };
        string id;
        await using (var host = await LocalHostProcess.StartAsync(settings))
        {
            id = await SubmitAsync(host.Client, SelfApprovingDefinition());

            using var response = await host.Client.PostAsync(
                $"api/programs/{id}/cancel", Json(new JsonObject { ["by"] = "hr.lead@example.com", ["reason"] = "Budget moved to Q3" }));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cancelled = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
            Assert.Equal("hr.lead@example.com", cancelled["cancelledBy"]!.GetValue<string>());
            Assert.NotNull(cancelled["cancelledAt"]);
            Assert.Equal("Budget moved to Q3", cancelled["reason"]!.GetValue<string>());

            using var again = await host.Client.PostAsync($"api/programs/{id}/cancel", null);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            await host.StopAsync();
        }

        // A worker that starts later must not run the cancelled program.
        await using var worker = await LocalHostProcess.StartAsync(settings with { WorkerEnabled = true });
        await Task.Delay(TimeSpan.FromSeconds(3));
        var program = await GetAsync(worker.Client, id);
        Assert.Equal("Cancelled", program["status"]!.GetValue<string>());
        Assert.All(program["stages"]!.AsArray(), s => Assert.Equal("Skipped", s!["state"]!.GetValue<string>()));
        var audit = await AuditAsync(worker.Client, id);
        var cancelEntry = Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "ProgramCancelled");
        Assert.Equal("hr.lead@example.com", cancelEntry!["actor"]!.GetValue<string>());
        Assert.DoesNotContain(audit, e => e!["action"]!.GetValue<string>() == "CharterDefined");
    }

    private static async Task AssertRanOnceAsync(HttpClient client, string id)
    {
        var audit = await AuditAsync(client, id);
        foreach (var action in new[] { "ProgramSubmitted", "CharterDefined", "RolesDefined", "ProgramCompleted" })
        {
            var entries = audit.Where(e => e!["action"]!.GetValue<string>() == action).Select(e => e!.ToJsonString()).ToList();
            Assert.True(entries.Count == 1, $"{id}: {action} logged {entries.Count} times: {string.Join(" | ", entries)}");
        }
    }
}
