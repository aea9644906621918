using MentorFlow.Local.Storage;
using MentorFlow.Testing;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Hosting;

/// <summary>
/// The README's run command with nothing configured: the host starts its own on-disk Azurite, a host killed with
/// <c>kill -9</c> leaves it running and the next host reuses it, a stopped host stops it, and programs survive all that.
/// </summary>
public sealed class OwnStorageTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly LocalHostSettings settings = new();

    private string StateFile => Path.Combine(settings.DataDirectory, "azurite", AzuriteStateFile.FileName);

    [Fact]
    public async Task RunWithoutStorage_KillAndRestart_ReusesEmulatorAndKeepsPrograms()
    {
        string id;
        int emulator;
        await using (var first = await LocalHostProcess.StartAsync(settings))
        {
            id = await SubmitAsync(first.Client, SelfApprovingDefinition());
            await WaitForStatusAsync(first.Client, id, Timeout, "Completed");
            emulator = AzuriteStateFile.TryRead(StateFile)!.ProcessId;
            await first.KillAsync();
        }

        Assert.True(ProcessInspector.IsAlive(emulator), "A killed host cannot stop its Azurite; it must still be running.");

        await using (var second = await LocalHostProcess.StartAsync(settings))
        {
            Assert.Equal(emulator, AzuriteStateFile.TryRead(StateFile)!.ProcessId);
            var program = await GetAsync(second.Client, id);
            Assert.Equal("Completed", program["status"]!.GetValue<string>());
            await second.StopAsync();
        }

        Assert.True(
            await ProcessInspector.WaitForExitAsync(emulator, TimeSpan.FromSeconds(15), CancellationToken.None),
            "A host stopped with SIGTERM must stop the Azurite it runs.");
        Assert.False(File.Exists(StateFile));

        // A cold start on the same data directory: a new emulator, the same programs.
        await using var third = await LocalHostProcess.StartAsync(settings);
        Assert.NotEqual(emulator, AzuriteStateFile.TryRead(StateFile)!.ProcessId);
        Assert.Equal("Completed", (await GetAsync(third.Client, id))["status"]!.GetValue<string>());
        Assert.Contains(id, await third.Client.GetStringAsync("api/programs"), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        // Whatever happened, leave no emulator behind: stop the one the state file names, by its id.
        if (AzuriteStateFile.TryRead(StateFile) is { } state && ProcessInspector.IsAlive(state.ProcessId)
            && ProcessInspector.ReadCommandLine(state.ProcessId) is { } commandLine
            && commandLine.Any(a => a.Contains("azurite", StringComparison.OrdinalIgnoreCase)))
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
