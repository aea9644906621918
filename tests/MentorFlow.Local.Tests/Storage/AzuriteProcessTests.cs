using System.Net;
using System.Net.Sockets;
using MentorFlow.Local.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Local.Tests.Storage;

public sealed class AzuriteProcessTests : IAsyncLifetime
{
    private readonly ProcessJanitor _janitor = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _janitor.DisposeAsync().AsTask();

    [Fact]
    public async Task StartAsync_InMemory_AllThreeEndpointsAnswerAndConnectionStringNamesThem()
    {
        await using var azurite = await StartAsync(AzuriteTestOptions.Create());

        using var response = await AzuriteTestOptions.GetTablesAsync(azurite.TableEndpoint);
        foreach (var port in new[] { azurite.BlobPort, azurite.QueuePort })
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
        }

        Assert.Contains("Azurite-Table", AzuriteTestOptions.ServerOf(response), StringComparison.Ordinal);
        Assert.False(azurite.Adopted);
        Assert.Equal(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{azurite.QueuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{azurite.TablePort}/devstoreaccount1;",
            azurite.ConnectionString);
    }

    [Fact]
    public async Task DisposeAsync_CalledTwice_StopsTheProcessOnce()
    {
        var azurite = await StartAsync(AzuriteTestOptions.Create());

        await azurite.DisposeAsync();
        await azurite.DisposeAsync();

        Assert.False(ProcessInspector.IsAlive(azurite.ProcessId));
    }

    [Fact]
    public async Task StartAsync_PreferredPortTaken_PicksThreeOtherFreePorts()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var takenPort = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using var azurite = await StartAsync(AzuriteTestOptions.Create(preferredBlobPort: takenPort));

        Assert.NotEqual(takenPort, azurite.BlobPort);
        Assert.Equal(3, new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort }.Distinct().Count());
        using var response = await AzuriteTestOptions.GetTablesAsync(azurite.TableEndpoint);
        Assert.Contains("Azurite-Table", AzuriteTestOptions.ServerOf(response), StringComparison.Ordinal);
    }

    private async Task<AzuriteProcess> StartAsync(AzuriteOptions options)
    {
        using var timeout = new CancellationTokenSource(AzuriteTestOptions.StartBudget);
        return _janitor.Track(await AzuriteProcess.StartAsync(options, NullLogger.Instance, timeout.Token));
    }
}
