using System.Net;
using Azure;
using Azure.Data.Tables;
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
        Assert.Matches("^mf[0-9a-f]{16}$", azurite.AccountName);
        Assert.StartsWith($"DefaultEndpointsProtocol=http;AccountName={azurite.AccountName};AccountKey=", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.EndsWith(
            $"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/{azurite.AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{azurite.QueuePort}/{azurite.AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{azurite.TablePort}/{azurite.AccountName};",
            azurite.ConnectionString,
            StringComparison.Ordinal);
        await new TableServiceClient(azurite.ConnectionString).GetPropertiesAsync();
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

    [Fact]
    public async Task ConnectionString_OfAnotherFolder_IsRefusedAndPreferredPortsOfAnotherEmulatorAreNotUsed()
    {
        await using var first = await StartAsync(AzuriteTestOptions.Create(_janitor.NewTemporaryDirectory()));

        // The second folder prefers the first one's ports: they are taken, so it gets ports of its own.
        await using var second = await StartAsync(AzuriteTestOptions.Create(_janitor.NewTemporaryDirectory(), preferredBlobPort: first.BlobPort));

        Assert.NotEqual(first.AccountName, second.AccountName);
        Assert.Empty(new[] { first.BlobPort, first.QueuePort, first.TablePort }.Intersect([second.BlobPort, second.QueuePort, second.TablePort]));
        await new TableServiceClient(second.ConnectionString).GetPropertiesAsync();

        // The second folder's account, sent to the first folder's Azurite (as a host that lost the port race would):
        // refused, both by the SDK and by the readiness probe.
        var misdirected = second.ConnectionString
            .Replace($":{second.TablePort}/", $":{first.TablePort}/", StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => new TableServiceClient(misdirected).GetPropertiesAsync());
        Assert.Contains(refused.Status, new[] { 403, 404 }); // Azurite answers 404 for an account it does not serve.
        var probe = await EndpointProbe.ProbeAsync(
            first.CommandLine, AzuriteAccount.LoadOrCreate(second.DataLocation!), TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(ProbeResult.Foreign, probe);
        Assert.Equal(
            ProbeResult.Ours,
            await EndpointProbe.ProbeAsync(first.CommandLine, AzuriteAccount.LoadOrCreate(first.DataLocation!), TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    private async Task<AzuriteProcess> StartAsync(AzuriteOptions options)
    {
        using var timeout = new CancellationTokenSource(AzuriteTestOptions.StartBudget);
        return _janitor.Track(await AzuriteProcess.StartAsync(options, NullLogger.Instance, timeout.Token));
    }
}
