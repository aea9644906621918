using MentorFlow.Local.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Local.Tests.Storage;

/// <summary>
/// A recorded Azurite that lives but does not answer is replaced. Its own class so its ~10 s (the adoption probe's
/// patience plus the stop timeout) runs in parallel with the other Azurite tests.
/// </summary>
public sealed class AzuriteHungProcessTests : IAsyncLifetime
{
    private readonly ProcessJanitor _janitor = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _janitor.DisposeAsync().AsTask();

    [Fact]
    public async Task StartAsync_RecordedAzuriteNotAnswering_KillsItAndStartsAFreshOne()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Needs /proc and SIGSTOP.
        }

        var location = _janitor.NewTemporaryDirectory();
        var hung = await StartAsync(location);
        // SIGSTOP: the process lives and its ports still accept connections, but nothing answers a request.
        Assert.True(NativeMethods.TrySendSignal(hung.ProcessId, NativeMethods.SigStop));

        await using var fresh = await StartAsync(location);

        Assert.False(fresh.Adopted);
        Assert.NotEqual(hung.ProcessId, fresh.ProcessId);
        Assert.False(ProcessInspector.IsAlive(hung.ProcessId));
    }

    private async Task<AzuriteProcess> StartAsync(string location)
    {
        using var timeout = new CancellationTokenSource(AzuriteTestOptions.StartBudget);
        return _janitor.Track(await AzuriteProcess.StartAsync(AzuriteTestOptions.Create(location), NullLogger.Instance, timeout.Token));
    }
}
