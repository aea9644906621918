using System.Diagnostics;
using Azure.Data.Tables;
using MentorFlow.Local.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Local.Tests.Storage;

/// <summary>
/// The preload that makes Azurite's writes durable (<see cref="AzuriteSaves"/>): Azurite runs with it, it confirms a
/// save, and what it confirmed is there after a <c>kill -9</c> of Azurite, although Azurite's own autosave (5 s)
/// had not run yet.
/// </summary>
public sealed class AzuriteSavesTests : IAsyncLifetime
{
    private readonly ProcessJanitor _janitor = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _janitor.DisposeAsync().AsTask();

    [Fact]
    public async Task WaitUntilSaved_ThenKill9_TheWriteIsThereAfterARestart()
    {
        var location = _janitor.NewTemporaryDirectory();
        var azurite = await StartAsync(location);
        Assert.NotNull(azurite.CommandLine.Preload);
        Assert.Contains("--require", ProcessInspector.ReadCommandLine(azurite.ProcessId)!);

        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("Saved");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = "acknowledged" });
        var clock = Stopwatch.StartNew();
        Assert.True(await azurite.WaitUntilSavedAsync(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5), CancellationToken.None));
        var waited = clock.Elapsed;

        using (var process = Process.GetProcessById(azurite.ProcessId))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        // Confirmed well before Azurite's own 5 s autosave could have saved it.
        Assert.True(waited < TimeSpan.FromSeconds(2), $"Confirming the save took {waited.TotalMilliseconds:0} ms");
        await using var restarted = await StartAsync(location);
        var entity = await new TableServiceClient(restarted.ConnectionString).GetTableClient("Saved").GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal("acknowledged", entity.Value.GetString("Value"));
    }

    [Fact]
    public async Task WaitUntilSaved_AzuriteGone_ReturnsFalseAtTheTimeout()
    {
        var azurite = await StartAsync(_janitor.NewTemporaryDirectory());
        await azurite.DisposeAsync();

        var clock = Stopwatch.StartNew();
        Assert.False(await azurite.WaitUntilSavedAsync(DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(500), CancellationToken.None));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(500));
    }

    private async Task<AzuriteProcess> StartAsync(string location)
    {
        using var timeout = new CancellationTokenSource(AzuriteTestOptions.StartBudget);
        return _janitor.Track(await AzuriteProcess.StartAsync(AzuriteTestOptions.Create(location), NullLogger.Instance, timeout.Token));
    }
}
