using System.Text.Json.Nodes;
using MentorFlow.Local.Storage;
using MentorFlow.Testing;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Hosting;

/// <summary>
/// Two local hosts started at the same moment with different data directories (two checkouts, or a test run beside a
/// developer's host): both want Azurite's default ports, and each must end up on its own Azurite and see only its
/// own programs and emails, never the other's task hub.
/// </summary>
public sealed class TwoHostsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // The same task hub and table prefix on purpose: only the storage itself can keep the two apart.
    private readonly LocalHostSettings first = new() { TaskHub = "TwoHosts", TablePrefix = "TwoHosts" };
    private readonly LocalHostSettings second = new() { TaskHub = "TwoHosts", TablePrefix = "TwoHosts" };

    [Fact]
    public async Task StartedConcurrently_DifferentDataDirectories_EachSeesOnlyItsOwnProgramsAndOutbox()
    {
        var starting = new[] { LocalHostProcess.StartAsync(first), LocalHostProcess.StartAsync(second) };
        LocalHostProcess[] hosts;
        try
        {
            hosts = await Task.WhenAll(starting);
        }
        catch
        {
            // Stop whichever started, even when the other did not.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await (await started).DisposeAsync();
            }

            throw;
        }

        await using var a = hosts[0];
        await using var b = hosts[1];
        var azuriteA = AzuriteStateFile.TryRead(StateFile(first))!;
        var azuriteB = AzuriteStateFile.TryRead(StateFile(second))!;
        Assert.NotEqual(azuriteA.ProcessId, azuriteB.ProcessId);
        Assert.NotEqual(azuriteA.TablePort, azuriteB.TablePort);

        var idA = await SubmitAsync(a.Client, SelfApprovingDefinition());
        var idB = await SubmitAsync(b.Client, SelfApprovingDefinition());
        await WaitForStatusAsync(a.Client, idA, Timeout, "Completed");
        await WaitForStatusAsync(b.Client, idB, Timeout, "Completed");

        Assert.Equal([idA], await ProgramIdsAsync(a.Client));
        Assert.Equal([idB], await ProgramIdsAsync(b.Client));
        Assert.Equal([idA], await OutboxProgramIdsAsync(a.Client));
        Assert.Equal([idB], await OutboxProgramIdsAsync(b.Client));
        using var missing = await b.Client.GetAsync($"api/programs/{idA}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    public void Dispose()
    {
        foreach (var settings in new[] { first, second })
        {
            // Whatever happened, leave no emulator behind: stop the one the state file names, by its id.
            if (AzuriteStateFile.TryRead(StateFile(settings)) is { } state && ProcessInspector.IsAlive(state.ProcessId)
                && ProcessInspector.ReadCommandLine(state.ProcessId) is { } commandLine
                && AzuriteCommandLine.TryParse(commandLine) is not null)
            {
                using var process = System.Diagnostics.Process.GetProcessById(state.ProcessId);
                process.Kill();
            }

            if (Directory.Exists(settings.DataDirectory))
            {
                Directory.Delete(settings.DataDirectory, recursive: true);
            }
        }
    }

    private static string StateFile(LocalHostSettings settings) => Path.Combine(settings.DataDirectory, "azurite", AzuriteStateFile.FileName);

    private static async Task<List<string>> ProgramIdsAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("api/programs"))!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();

    private static async Task<List<string>> OutboxProgramIdsAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("api/dev/outbox"))!.AsArray()
            .Select(m => m!["programId"]?.GetValue<string>() ?? "(none)").Distinct().ToList();
}
