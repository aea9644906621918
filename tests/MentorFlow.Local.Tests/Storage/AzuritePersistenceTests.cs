using System.Diagnostics;
using MentorFlow.Local.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Local.Tests.Storage;

/// <summary>Azurite with a data folder: it outlives a host that dies without cleanup, and the next host reuses it.</summary>
public sealed class AzuritePersistenceTests : IAsyncLifetime
{
    private readonly ProcessJanitor _janitor = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _janitor.DisposeAsync().AsTask();

    [Fact]
    public async Task StartAsync_OwnerDiedWithoutCleanup_AdoptsTheRunningAzurite()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Adoption reads the process's command line from /proc.
        }

        var location = _janitor.NewTemporaryDirectory();
        var first = await StartAsync(location);
        var statePath = Path.Combine(first.DataLocation!, "azurite.json");
        Assert.False(first.Adopted);
        Assert.True(File.Exists(statePath));

        // The owning host "dies": the object is dropped without DisposeAsync, so Azurite and azurite.json remain.
        await using var second = await StartAsync(location);

        Assert.True(second.Adopted);
        Assert.Equal(first.ProcessId, second.ProcessId);
        Assert.Equal(first.ConnectionString, second.ConnectionString);
        using var response = await AzuriteTestOptions.GetTablesAsync(second.TableEndpoint);
        Assert.Contains("Azurite-Table", AzuriteTestOptions.ServerOf(response), StringComparison.Ordinal);

        await second.DisposeAsync();

        Assert.False(ProcessInspector.IsAlive(second.ProcessId));
        Assert.False(File.Exists(statePath));
    }

    [Fact]
    public async Task StartAsync_StateFileWithDeadPid_StartsAFreshAzurite()
    {
        var location = _janitor.NewTemporaryDirectory();
        var deadPid = await ExitedProcessIdAsync();
        WriteState(location, deadPid);

        await using var azurite = await StartAsync(location);

        Assert.False(azurite.Adopted);
        Assert.NotEqual(deadPid, azurite.ProcessId);
        Assert.Equal(azurite.ProcessId, AzuriteStateFile.TryRead(Path.Combine(location, "azurite.json"))?.ProcessId);
    }

    [Fact]
    public async Task StartAsync_StateFilePidIsNotAzurite_StartsFreshAndLeavesThatProcessAlone()
    {
        var location = _janitor.NewTemporaryDirectory();
        // A live pid that is certainly not Azurite: this test process.
        WriteState(location, Environment.ProcessId);

        await using var azurite = await StartAsync(location);

        Assert.False(azurite.Adopted);
        Assert.NotEqual(Environment.ProcessId, azurite.ProcessId);
    }

    private async Task<AzuriteProcess> StartAsync(string location)
    {
        using var timeout = new CancellationTokenSource(AzuriteTestOptions.StartBudget);
        return _janitor.Track(await AzuriteProcess.StartAsync(AzuriteTestOptions.Create(location), NullLogger.Instance, timeout.Token));
    }

    private static void WriteState(string location, int processId) =>
        new AzuriteStateFile(processId, "127.0.0.1", 1, 2, 3, AzuriteCommandLine.NormalizeLocation(location), AzuriteInstaller.Version,
            Environment.ProcessId, DateTimeOffset.UtcNow).Write(Path.Combine(location, AzuriteStateFile.FileName));

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sh", "-c true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
