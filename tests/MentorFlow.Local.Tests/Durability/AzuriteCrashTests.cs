using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using MentorFlow.Local.Storage;
using MentorFlow.Testing;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Durability;

/// <summary>
/// The replay: programs answered 202 and decisions answered "Decision recorded", then the host's Azurite is
/// killed (<c>kill -9</c>) at once, well inside its 5 s autosave. Azurite is restarted by the host; every
/// acknowledged write is still there: the programs and the decisions at once, and the decision events that move
/// them on once the host is restarted.
/// </summary>
public sealed class AzuriteCrashTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly LocalHostSettings settings = new();

    private string StateFile => Path.Combine(settings.DataDirectory, "azurite", AzuriteStateFile.FileName);

    [Fact]
    public async Task AcknowledgedWrites_AzuriteKilledRightAfter_AreThereAfterItsRestart()
    {
        await using var host = await LocalHostProcess.StartAsync(settings);
        var decided = new List<string>();
        var approveLinks = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            decided.Add(await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json")));
        }

        foreach (var id in decided)
        {
            approveLinks.Add(ApproveLink(await CharterEmailAsync(host.Client, id)));
        }

        using var browser = new HttpClient();
        var submitted = new List<string>();
        foreach (var link in approveLinks)
        {
            using var recorded = await PostDecisionAsync(browser, link, "approve", null);
            Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
            submitted.Add(await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json")));
        }

        var acknowledged = Stopwatch.StartNew();
        var azurite = AzuriteStateFile.TryRead(StateFile)!;
        using (var process = Process.GetProcessById(azurite.ProcessId))
        {
            process.Kill(); // kill -9, as the issue did, well within a second of the last acknowledgement
        }

        Assert.True(acknowledged.Elapsed < TimeSpan.FromSeconds(1), $"The kill came {acknowledged.Elapsed.TotalSeconds:0.0} s after the last write");
        await WaitUntilHealthyAsync(host);

        foreach (var id in submitted)
        {
            using var response = await host.Client.GetAsync($"api/programs/{id}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Program {id} (202 before the kill): {(int)response.StatusCode}");
        }

        foreach (var link in approveLinks)
        {
            using var again = await PostDecisionAsync(browser, link, "decline", null);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // The decision events (queue messages) survived as well: each program goes on past its charter. Checked on a
        // restarted host: the durable worker that lived through the crash keeps partition and message state in
        // memory that the restored files (up to 0.1 s older) contradict, and under load it was seen not to resume
        // within two minutes (a known gap, in the closing note); a fresh worker reads everything from storage.
        await host.StopAsync();
        await using var restarted = await LocalHostProcess.StartAsync(settings);
        foreach (var id in decided)
        {
            await WaitForPastDefineAsync(restarted, id);
        }
    }

    public void Dispose()
    {
        if (AzuriteStateFile.TryRead(StateFile) is { } state && ProcessInspector.IsAlive(state.ProcessId)
            && ProcessInspector.ReadCommandLine(state.ProcessId) is { } argv && AzuriteCommandLine.TryParse(argv) is not null)
        {
            using var process = Process.GetProcessById(state.ProcessId);
            process.Kill();
        }

        if (Directory.Exists(settings.DataDirectory))
        {
            Directory.Delete(settings.DataDirectory, recursive: true);
        }
    }

    private static async Task WaitUntilHealthyAsync(LocalHostProcess host)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var health = await host.Client.GetAsync("api/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The host did not get its storage back within {Timeout.TotalSeconds} s:\n{host.Output}");
    }

    private static async Task WaitForPastDefineAsync(LocalHostProcess host, string id)
    {
        var deadline = DateTime.UtcNow + Timeout;
        JsonObject program;
        do
        {
            program = await GetAsync(host.Client, id);
            if (program["stages"]![0]!["state"]!.GetValue<string>() == "Done")
            {
                return;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Program {id}'s recorded charter decision did not move it on; last seen: {program.ToJsonString()}");
    }
}
