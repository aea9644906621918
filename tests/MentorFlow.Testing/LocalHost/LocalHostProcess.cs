using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MentorFlow.Local.Storage;

namespace MentorFlow.Testing;

/// <summary>
/// The real local host (<c>MentorFlow.Local.dll</c>, as <c>dotnet run</c> starts it) in a process of its own, so
/// tests can call its HTTP API and kill it (<c>kill -9</c>) or stop it (SIGTERM) like a person would.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process process;
    private readonly StringBuilder output = new();

    private LocalHostProcess(Process process, LocalHostSettings settings, Uri baseAddress)
    {
        this.process = process;
        Settings = settings;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("x-functions-key", settings.ApiKey);
    }

    public LocalHostSettings Settings { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client with the API key set.</summary>
    public HttpClient Client { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>What the host printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the host and waits until <c>/api/health</c> answers.</summary>
    public static async Task<LocalHostProcess> StartAsync(LocalHostSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = settings.Port == 0 ? FreePort() : settings.Port;
        var settingsWithPort = settings with { Port = port };
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        start.ArgumentList.Add(LocalHostAssembly());
        foreach (var (key, value) in Arguments(settingsWithPort))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new LocalHostProcess(process, settingsWithPort, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await host.WaitUntilHealthyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Kills the host at once, as <c>kill -9</c> would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>Stops the host as Ctrl+C would (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (process.HasExited)
        {
            return;
        }

        NativeMethods.TrySendSignal(process.Id, NativeMethods.SigTerm);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The local host did not stop within the timeout after SIGTERM.\n" + Output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                // Already killed by StopAsync.
            }
        }

        process.Dispose();
    }

    private static IEnumerable<(string Key, string Value)> Arguments(LocalHostSettings settings)
    {
        yield return ("urls", $"http://127.0.0.1:{settings.Port}");
        yield return ("MentorFlow:DataDirectory", settings.DataDirectory);
        yield return ("MentorFlow:ApiKey", settings.ApiKey);
        yield return ("MentorFlow:ToolsDirectory", TestPaths.ToolsDirectory);
        yield return ("MentorFlow:Durable:TaskHub", settings.TaskHub);
        yield return ("MentorFlow:Durable:WorkerEnabled", settings.WorkerEnabled ? "true" : "false");
        yield return ("MentorFlow:Storage:TablePrefix", settings.TablePrefix);
        if (settings.ConnectionString is not null)
        {
            yield return ("MentorFlow:Storage:ConnectionString", settings.ConnectionString);
        }

        foreach (var (key, value) in settings.Settings)
        {
            yield return (key, value);
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await probe.GetAsync("api/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Probe timed out; try again.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The local host did not answer /api/health within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>The local host's own build output, built with the test's configuration (the project reference builds it).</summary>
    private static string LocalHostAssembly()
    {
        var configuration = TestBuild.Configuration;
        var path = Path.Combine(
            TestPaths.RepositoryRoot, "functions", "MentorFlow.Local", "bin", configuration, "net10.0", "MentorFlow.Local.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build MentorFlow.Local first.", path);
    }

    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
