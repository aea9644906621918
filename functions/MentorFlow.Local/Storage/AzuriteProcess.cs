using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Local.Storage;

/// <summary>
/// A running Azurite: one this process launched, or, with a data folder, one a previous host launched for the same
/// folder and left running (it died without cleaning up). Disposing stops it either way.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string LockFileName = "azurite.lock";
    private const int LaunchAttempts = 3;

    private static readonly TimeSpan ReadinessProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(100);

    // Generous: a healthy Azurite answers in milliseconds, and killing a busy one would throw its data away.
    private static readonly TimeSpan AdoptionProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    private readonly AzuriteAccount _account;
    private readonly Process? _child;
    private readonly OutputTail _output;
    private readonly OutputTail _errors;
    private readonly ILogger _logger;
    private readonly TimeSpan _stopTimeout;
    private readonly Lock _stopGate = new();
    private Task? _stopTask;
    private (string Node, string EntryPoint, AzuriteOptions Options)? _launch;

    private AzuriteProcess(
        AzuriteCommandLine commandLine,
        AzuriteAccount account,
        int processId,
        Process? child,
        OutputTail output,
        OutputTail errors,
        ILogger logger,
        TimeSpan stopTimeout)
    {
        CommandLine = commandLine;
        _account = account;
        ProcessId = processId;
        _child = child;
        _output = output;
        _errors = errors;
        _logger = logger;
        _stopTimeout = stopTimeout;
    }

    /// <summary>
    /// The full explicit connection string for this emulator's three endpoints and its own account (not the
    /// well-known <c>devstoreaccount1</c>, which our Azurite does not serve).
    /// </summary>
    public string ConnectionString => EndpointProbe.ConnectionString(CommandLine, _account);

    /// <summary>The account this emulator serves: one of its own per data folder (a fresh one in memory).</summary>
    public string AccountName => _account.Name;

    public string Host => CommandLine.Host;

    public int BlobPort => CommandLine.BlobPort;

    public int QueuePort => CommandLine.QueuePort;

    public int TablePort => CommandLine.TablePort;

    public Uri BlobEndpoint => EndpointProbe.ServiceUri(Host, BlobPort, AccountName);

    public Uri QueueEndpoint => EndpointProbe.ServiceUri(Host, QueuePort, AccountName);

    public Uri TableEndpoint => EndpointProbe.ServiceUri(Host, TablePort, AccountName);

    public int ProcessId { get; }

    /// <summary>True when an Azurite already running for the same data folder was reused instead of launching one.</summary>
    public bool Adopted => _child is null;

    /// <summary>The normalized data folder, or null for an in-memory Azurite.</summary>
    public string? DataLocation => CommandLine.Location;

    internal AzuriteCommandLine CommandLine { get; }

    private string? StateFilePath => DataLocation is null ? null : Path.Combine(DataLocation, AzuriteStateFile.FileName);

    /// <summary>
    /// Installs Azurite when needed, then adopts the Azurite already serving <see cref="AzuriteOptions.DataLocation"/>
    /// or launches one, and returns once blob, queue and table all answer.
    /// </summary>
    public static Task<AzuriteProcess> StartAsync(AzuriteOptions options, ILogger logger, CancellationToken cancellationToken) =>
        StartAsync(options, logger, Environment.GetEnvironmentVariable("PATH"), cancellationToken);

    /// <summary>The core, with the search path for node open to tests (a stand-in node shows how failures read).</summary>
    internal static async Task<AzuriteProcess> StartAsync(
        AzuriteOptions options,
        ILogger logger,
        string? searchPath,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ToolsDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host);

        var entryPoint = await AzuriteInstaller.EnsureInstalledAsync(options.ToolsDirectory, logger, cancellationToken)
            .ConfigureAwait(false);
        var node = ExecutableLocator.Find("node", searchPath) ?? throw new AzuriteException(
            "node was not found on PATH; Azurite runs on Node.js. Install Node.js 20 or later (https://nodejs.org), " +
            "make sure 'node --version' works in this shell, and retry.");

        if (options.DataLocation is null)
        {
            var inMemory = await LaunchAsync(node, entryPoint, options, location: null, AzuriteAccount.CreateNew(), logger, cancellationToken)
                .ConfigureAwait(false);
            inMemory._launch = (node, entryPoint, options);
            return inMemory;
        }

        var location = AzuriteCommandLine.NormalizeLocation(options.DataLocation);
        Directory.CreateDirectory(location);

        // Two hosts starting on one folder at once must not both launch: the second adopts what the first started.
        var lockPath = Path.Combine(location, LockFileName);
        using var folderLock = await ExclusiveFileLock.AcquireAsync(
            lockPath, options.StartTimeout, () => AzuriteLog.WaitingForLock(logger, lockPath), cancellationToken).ConfigureAwait(false);

        var account = AzuriteAccount.LoadOrCreate(location);
        var adopted = await TryAdoptAsync(location, account, options, logger, cancellationToken).ConfigureAwait(false);
        var started = adopted ?? await LaunchAsync(node, entryPoint, options, location, account, logger, cancellationToken).ConfigureAwait(false);
        started._launch = (node, entryPoint, options);
        return started;
    }

    /// <summary>
    /// Waits until every change this Azurite applied before <paramref name="since"/> is saved to its files, so it
    /// survives a kill of the process (see <see cref="AzuriteSaves"/>). True at once in memory, where nothing is saved.
    /// </summary>
    public Task<bool> WaitUntilSavedAsync(DateTimeOffset since, TimeSpan timeout, CancellationToken cancellationToken) =>
        DataLocation is null || CommandLine.Preload is null
            ? Task.FromResult(DataLocation is null)
            : AzuriteSaves.WaitUntilSavedAsync(DataLocation, since, timeout, cancellationToken);

    /// <summary>True once the process is gone (it crashed, was killed, or was stopped).</summary>
    public bool HasExited => _child?.HasExited ?? !ProcessInspector.IsAlive(ProcessId);

    /// <summary>The exit code of a launched Azurite that exited; null while it runs, or for an adopted one.</summary>
    public int? ExitCode => _child is { HasExited: true } child ? child.ExitCode : null;

    /// <summary>Completes when the process is gone, however it ended.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        if (_child is not null)
        {
            await _child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Not our child: no exit notification, so look.
        while (ProcessInspector.IsAlive(ProcessId))
        {
            await Task.Delay(ReadinessPollInterval * 3, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Launches a fresh Azurite in place of this one, which exited: the same data folder, account and ports, so the
    /// connection string every client holds stays valid. Throws <see cref="AzuriteException"/> when it cannot start
    /// (for instance because another process took a port meanwhile).
    /// </summary>
    public async Task<AzuriteProcess> RestartAsync(ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!HasExited)
        {
            throw new InvalidOperationException($"{this} is still running; only an exited Azurite is restarted.");
        }

        var (node, entryPoint, options) = _launch ?? throw new InvalidOperationException($"{this} was not started by StartAsync.");
        if (DataLocation is null)
        {
            throw new InvalidOperationException("An in-memory Azurite is not restarted: its data died with it.");
        }

        _child?.Dispose();
        using var folderLock = await ExclusiveFileLock.AcquireAsync(
            Path.Combine(DataLocation, LockFileName), options.StartTimeout, onFirstWait: null, cancellationToken).ConfigureAwait(false);
        var restarted = await LaunchOnceAsync(node, entryPoint, CommandLine, _account, options, logger, cancellationToken, lastAttempt: true)
            .ConfigureAwait(false);
        restarted!._launch = _launch;
        return restarted;
    }

    /// <summary>
    /// Stops the Azurite (launched or adopted): SIGTERM, up to <see cref="AzuriteOptions.StopTimeout"/> to exit, then
    /// kills its process tree; removes azurite.json. Safe to call more than once and concurrently.
    /// </summary>
    public Task StopAsync() => StopAsync(lockFolder: true);

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Azurite pid {ProcessId} on {Host}:{BlobPort}/{QueuePort}/{TablePort} ({DataLocation ?? "in memory"})");

    private static async Task<AzuriteProcess?> TryAdoptAsync(
        string location,
        AzuriteAccount account,
        AzuriteOptions options,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var statePath = Path.Combine(location, AzuriteStateFile.FileName);
        var state = AzuriteStateFile.TryRead(statePath);
        if (state is null)
        {
            return null;
        }

        // The pid alone proves nothing (pids are reused): only node running Azurite on this very folder is ours.
        var running = FindAzuriteServing(state.ProcessId, location);
        if (running is null)
        {
            AzuriteLog.StaleState(logger, statePath, state.ProcessId);
            File.Delete(statePath);
            return null;
        }

        // Serving this folder with this folder's account: a previous host's Azurite. One that refuses the account (an
        // older host's, on devstoreaccount1) or does not answer is stopped and replaced, never used.
        if (await EndpointProbe.ProbeAsync(running, account, AdoptionProbeTimeout, cancellationToken).ConfigureAwait(false) == ProbeResult.Ours)
        {
            AzuriteLog.Adopted(logger, state.ProcessId, location, running.BlobPort, running.QueuePort, running.TablePort);
            return new AzuriteProcess(running, account, state.ProcessId, child: null, new OutputTail(), new OutputTail(), logger, options.StopTimeout);
        }

        AzuriteLog.Unresponsive(logger, state.ProcessId, location);
        await TerminateByIdAsync(state.ProcessId, location, options.StopTimeout, logger).ConfigureAwait(false);
        File.Delete(statePath);
        return null;
    }

    private static async Task<AzuriteProcess> LaunchAsync(
        string node,
        string entryPoint,
        AzuriteOptions options,
        string? location,
        AzuriteAccount account,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var preferredBlobPort = options.PreferredBlobPort;
        for (var attempt = 1; ; attempt++)
        {
            var (blob, queue, table) = PortAllocator.Choose(options.Host, preferredBlobPort);
            var commandLine = new AzuriteCommandLine(
                options.Host, blob, queue, table, location, location is null ? null : AzuriteSaves.EnsureScript(options.ToolsDirectory));
            var started = await LaunchOnceAsync(node, entryPoint, commandLine, account, options, logger, cancellationToken, lastAttempt: attempt == LaunchAttempts)
                .ConfigureAwait(false);
            if (started is not null)
            {
                return started;
            }

            // Ports that were free a moment ago were taken before Azurite bound them: pick others.
            AzuriteLog.PortsTaken(logger, blob, queue, table);
            preferredBlobPort = null;
        }
    }

    /// <summary>Launches and waits for readiness; null when the ports were taken meanwhile and another try may work.</summary>
    private static async Task<AzuriteProcess?> LaunchOnceAsync(
        string node,
        string entryPoint,
        AzuriteCommandLine commandLine,
        AzuriteAccount account,
        AzuriteOptions options,
        ILogger logger,
        CancellationToken cancellationToken,
        bool lastAttempt)
    {
        var startInfo = new ProcessStartInfo(node)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            // Azurite resolves relative paths against it; in-memory mode must not litter the caller's folder.
            WorkingDirectory = commandLine.Location ?? Path.GetDirectoryName(entryPoint)!,
        };
        foreach (var argument in commandLine.ToArguments(entryPoint))
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Only this account, not devstoreaccount1: another host's probe or connection string is refused here.
        startInfo.Environment[AzuriteAccount.EnvironmentVariable] = account.EnvironmentValue;

        var output = new OutputTail();
        var errors = new OutputTail();
        var child = new Process { StartInfo = startInfo };

        // Both pipes are read for the process's whole life so Azurite never blocks on a full pipe.
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Add(line);
            }
        };
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Add(line);
                AzuriteLog.ErrorOutput(logger, line);
            }
        };

        try
        {
            child.Start();
        }
        catch (Win32Exception ex)
        {
            child.Dispose();
            throw new AzuriteException($"Could not start '{node}' to run Azurite: {ex.Message}. Check that 'node --version' works in this shell.", ex);
        }

        child.BeginOutputReadLine();
        child.BeginErrorReadLine();

        var instance = new AzuriteProcess(commandLine, account, child.Id, child, output, errors, logger, options.StopTimeout);
        AzuriteLog.Launched(logger, instance.ProcessId, commandLine.Host, commandLine.BlobPort, commandLine.QueuePort, commandLine.TablePort,
            commandLine.Location ?? "memory");
        try
        {
            if (instance.StateFilePath is { } statePath)
            {
                // Recorded before readiness: a host killed while waiting still leaves Azurite findable.
                new AzuriteStateFile(
                    instance.ProcessId, commandLine.Host, commandLine.BlobPort, commandLine.QueuePort, commandLine.TablePort,
                    commandLine.Location!, AzuriteInstaller.Version, Environment.ProcessId, DateTimeOffset.UtcNow).Write(statePath);
            }

            if (await instance.WaitUntilReadyAsync(options.StartTimeout, lastAttempt, cancellationToken).ConfigureAwait(false))
            {
                return instance;
            }

            await instance.StopAsync(lockFolder: false).ConfigureAwait(false);
            return null;
        }
        catch
        {
            // Whatever failed (timeout, exit, cancellation), leave no Azurite running behind it.
            await instance.StopAsync(lockFolder: false).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True once ready; false when Azurite exited because its ports were taken and a retry is allowed.</summary>
    private async Task<bool> WaitUntilReadyAsync(TimeSpan timeout, bool lastAttempt, CancellationToken cancellationToken)
    {
        var child = _child!;
        var stopwatch = Stopwatch.StartNew();
        var foreignSeen = false;
        while (true)
        {
            if (child.HasExited)
            {
                // Let the readers take in the last lines, which hold the reason.
                using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
                {
                    try
                    {
                        await child.WaitForExitAsync(drain.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                if (!lastAttempt && _errors.Contains("EADDRINUSE"))
                {
                    return false;
                }

                throw new AzuriteException(
                    $"Azurite exited with code {child.ExitCode} before it was ready ({this}). " +
                    $"Its error output:{Environment.NewLine}{_errors.Format()}{Environment.NewLine}" +
                    $"Its output:{Environment.NewLine}{_output.Format()}");
            }

            var probe = await EndpointProbe.ProbeAsync(CommandLine, _account, ReadinessProbeTimeout, cancellationToken).ConfigureAwait(false);
            if (probe == ProbeResult.Ours)
            {
                AzuriteLog.Ready(_logger, ProcessId, stopwatch.Elapsed.TotalSeconds);
                return true;
            }

            if (probe == ProbeResult.Foreign && !foreignSeen)
            {
                // Another emulator holds (some of) the ports; ours will exit with EADDRINUSE and be retried elsewhere.
                foreignSeen = true;
                AzuriteLog.ForeignEmulator(_logger, Host, BlobPort, QueuePort, TablePort);
            }

            if (stopwatch.Elapsed >= timeout)
            {
                throw new AzuriteException(
                    $"Azurite did not answer on {Host} ports {BlobPort}/{QueuePort}/{TablePort} within " +
                    $"{timeout.TotalSeconds:0} s ({this}){(foreignSeen ? "; another emulator, not ours, answered there" : "")}; it has been stopped. Raise AzuriteOptions.StartTimeout on a slow " +
                    $"machine. Its error output:{Environment.NewLine}{_errors.Format()}{Environment.NewLine}" +
                    $"Its output:{Environment.NewLine}{_output.Format()}");
            }

            await Task.Delay(ReadinessPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <param name="lockFolder">False when the caller, a failing start, already holds the folder's lock.</param>
    private Task StopAsync(bool lockFolder)
    {
        lock (_stopGate)
        {
            return _stopTask ??= StopCoreAsync(lockFolder);
        }
    }

    private async Task StopCoreAsync(bool lockFolder)
    {
        ExclusiveFileLock? folderLock = null;
        try
        {
            if (lockFolder && DataLocation is not null)
            {
                // Keeps a concurrent start on this folder from adopting the process while it is being stopped.
                folderLock = await TryLockFolderAsync(DataLocation).ConfigureAwait(false);
            }

            if (_child is not null)
            {
                await StopChildAsync(_child).ConfigureAwait(false);
            }
            else
            {
                await TerminateByIdAsync(ProcessId, DataLocation!, _stopTimeout, _logger).ConfigureAwait(false);
            }

            if (StateFilePath is { } statePath)
            {
                AzuriteStateFile.DeleteIfFor(statePath, ProcessId);
            }
        }
        finally
        {
            folderLock?.Dispose();
            _child?.Dispose();
        }
    }

    private async Task<ExclusiveFileLock?> TryLockFolderAsync(string location)
    {
        try
        {
            return await ExclusiveFileLock.AcquireAsync(
                Path.Combine(location, LockFileName), _stopTimeout, onFirstWait: null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AzuriteException or IOException or UnauthorizedAccessException)
        {
            // Stopping matters more than the guard: go on without it (the folder may even be gone).
            return null;
        }
    }

    private async Task StopChildAsync(Process child)
    {
        if (child.HasExited)
        {
            return;
        }

        AzuriteLog.Stopping(_logger, ProcessId);
        if (NativeMethods.TrySendSignal(child.Id, NativeMethods.SigTerm))
        {
            using var timeout = new CancellationTokenSource(_stopTimeout);
            try
            {
                await child.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                AzuriteLog.Stopped(_logger, ProcessId);
                return;
            }
            catch (OperationCanceledException)
            {
                AzuriteLog.Killing(_logger, ProcessId, _stopTimeout.TotalSeconds);
            }
        }

        try
        {
            child.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        using var killTimeout = new CancellationTokenSource(KillWait);
        try
        {
            await child.WaitForExitAsync(killTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            throw new AzuriteException($"Azurite (pid {ProcessId}) did not exit even after it was killed.", ex);
        }

        AzuriteLog.Stopped(_logger, ProcessId);
    }

    /// <summary>Stops an Azurite we did not launch, by pid, after proving it still is Azurite serving <paramref name="location"/>.</summary>
    private static async Task TerminateByIdAsync(int processId, string location, TimeSpan stopTimeout, ILogger logger)
    {
        // Checked right before signalling: the recorded pid may by now belong to an unrelated process.
        if (FindAzuriteServing(processId, location) is null)
        {
            return;
        }

        AzuriteLog.Stopping(logger, processId);
        if (NativeMethods.TrySendSignal(processId, NativeMethods.SigTerm)
            && await ProcessInspector.WaitForExitAsync(processId, stopTimeout, CancellationToken.None).ConfigureAwait(false))
        {
            AzuriteLog.Stopped(logger, processId);
            return;
        }

        AzuriteLog.Killing(logger, processId, stopTimeout.TotalSeconds);
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Gone already.
        }

        if (!await ProcessInspector.WaitForExitAsync(processId, KillWait, CancellationToken.None).ConfigureAwait(false))
        {
            throw new AzuriteException($"Azurite (pid {processId}) serving '{location}' did not exit even after it was killed.");
        }

        AzuriteLog.Stopped(logger, processId);
    }

    private static AzuriteCommandLine? FindAzuriteServing(int processId, string location)
    {
        if (!ProcessInspector.IsAlive(processId) || ProcessInspector.ReadCommandLine(processId) is not { } argv)
        {
            return null;
        }

        var commandLine = AzuriteCommandLine.TryParse(argv);
        return commandLine is not null && commandLine.ServesLocation(location) ? commandLine : null;
    }
}
