using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using MentorFlow.Local.Storage;
using MentorFlow.Local.Tests.Storage;
using MentorFlow.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Hosting;

/// <summary>
/// Storage dies under a running host. With storage the host was given (a connection string), it says so: readiness
/// answers 503 naming what is down, every route 503 problem+json with Retry-After, quickly, and SIGTERM still ends
/// the host within 10 s. With its own Azurite, the host starts it again on the same ports and says so once.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(4);
    private readonly ProcessJanitor janitor = new();
    private readonly LocalHostSettings ownStorage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await janitor.DisposeAsync();
        var state = AzuriteStateFile.TryRead(OwnStateFile);
        if (state is not null && ProcessInspector.IsAlive(state.ProcessId)
            && ProcessInspector.ReadCommandLine(state.ProcessId) is { } argv && AzuriteCommandLine.TryParse(argv) is not null)
        {
            using var process = Process.GetProcessById(state.ProcessId);
            process.Kill();
        }

        if (Directory.Exists(ownStorage.DataDirectory))
        {
            Directory.Delete(ownStorage.DataDirectory, recursive: true);
        }
    }

    private string OwnStateFile => Path.Combine(ownStorage.DataDirectory, "azurite", AzuriteStateFile.FileName);

    [Fact]
    public async Task ConfiguredStorageKilled_EveryRouteAnswers503ProblemQuicklyAndSigtermStopsWithin10s()
    {
        using var start = new CancellationTokenSource(AzuriteTestOptions.StartBudget);
        var azurite = janitor.Track(await AzuriteProcess.StartAsync(
            AzuriteTestOptions.Create(janitor.NewTemporaryDirectory()), NullLogger.Instance, start.Token));
        await using var host = await LocalHostProcess.StartAsync(new LocalHostSettings { ConnectionString = azurite.ConnectionString });
        var id = await SubmitAsync(host.Client, SelfApprovingDefinition());
        using (var healthy = await host.Client.GetAsync("api/health"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.Equal("Healthy", JsonNode.Parse(await healthy.Content.ReadAsStringAsync())!["checks"]!["storage"]!.GetValue<string>());
        }

        using (var process = Process.GetProcessById(azurite.ProcessId))
        {
            process.Kill(); // kill -9
            await process.WaitForExitAsync();
        }

        var (health, healthTime) = await TimedAsync(() => host.Client.GetAsync("api/health"));
        var problem = await AssertUnavailableAsync(health, healthTime);
        Assert.Contains("storage is down", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("durableEngine is down", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Unhealthy", problem["checks"]!["storage"]!.GetValue<string>());
        health.Dispose();

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => host.Client.GetAsync("api/programs"),
            () => host.Client.GetAsync($"api/programs/{id}"),
            () => host.Client.GetAsync($"api/programs/{id}/audit"),
            () => host.Client.PostAsync("api/programs", Json(SelfApprovingDefinition())),
        })
        {
            var (response, elapsed) = await TimedAsync(request);
            using (response)
            {
                await AssertUnavailableAsync(response, elapsed);
            }
        }

        var stopping = Stopwatch.StartNew();
        await host.StopAsync(TimeSpan.FromSeconds(10));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"SIGTERM took {stopping.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task OwnAzuriteKilled_HostRestartsItOnTheSamePortsSaysSoOnceAndKeepsServing()
    {
        await using var host = await LocalHostProcess.StartAsync(ownStorage with { WorkerEnabled = false });
        var id = await SubmitAsync(host.Client, SelfApprovingDefinition());
        var before = AzuriteStateFile.TryRead(OwnStateFile)!;

        using (var process = Process.GetProcessById(before.ProcessId))
        {
            process.Kill(); // kill -9
            await process.WaitForExitAsync();
        }

        var after = await WaitForAsync(
            () => AzuriteStateFile.TryRead(OwnStateFile) is { } s && s.ProcessId != before.ProcessId && ProcessInspector.IsAlive(s.ProcessId) ? s : null,
            "a new Azurite in the state file",
            host);
        Assert.Equal((before.BlobPort, before.QueuePort, before.TablePort), (after.BlobPort, after.QueuePort, after.TablePort));
        await WaitForAsync(
            async () => (await host.Client.GetAsync("api/health")).StatusCode == HttpStatusCode.OK ? "ready" : null, "health 200 again", host);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"api/programs/{id}")).StatusCode);
        var lines = host.Output.Split('\n');
        Assert.Single(lines, l => l.Contains("exited unexpectedly", StringComparison.Ordinal) && l.Contains($"pid {after.ProcessId}", StringComparison.Ordinal));
        Assert.False(host.HasExited);
    }

    private static async Task<JsonObject> AssertUnavailableAsync(HttpResponseMessage response, TimeSpan elapsed)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(elapsed < FailFast, $"{response.RequestMessage?.RequestUri} took {elapsed.TotalSeconds:0.0} s to fail");
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        return problem;
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> request)
    {
        var clock = Stopwatch.StartNew();
        var response = await request();
        return (response, clock.Elapsed);
    }

    private static Task<T> WaitForAsync<T>(Func<T?> probe, string what, LocalHostProcess host)
        where T : class => WaitForAsync(() => Task.FromResult(probe()), what, host);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, LocalHostProcess host)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } found)
                {
                    return found;
                }
            }
            catch (HttpRequestException)
            {
                // The host answers again shortly.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"No {what} within 60 s. Host output:\n{host.Output}");
        return null!;
    }
}
