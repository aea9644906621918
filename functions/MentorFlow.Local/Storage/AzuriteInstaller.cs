using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Local.Storage;

/// <summary>
/// Installs the pinned Azurite with npm into a tools folder, once per machine and version, safely when several
/// processes (parallel test assemblies, a host) ask at the same time.
/// </summary>
public static class AzuriteInstaller
{
    /// <summary>The Azurite version every host and test uses; pinned so a run never changes under us.</summary>
    public const string Version = "3.37.0";

    private const string MarkerFileName = "mentorflow-installed.txt";
    private const string NpmProcessIdFileName = "npm-install.pid";

    // A first install downloads ~450 packages; other processes wait for it behind the lock.
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Installs Azurite if needed and returns the full path of its entry point, azurite.js.</summary>
    public static Task<string> EnsureInstalledAsync(string toolsDirectory, CancellationToken cancellationToken) =>
        EnsureInstalledAsync(toolsDirectory, NullLogger.Instance, cancellationToken);

    /// <inheritdoc cref="EnsureInstalledAsync(string, CancellationToken)"/>
    public static Task<string> EnsureInstalledAsync(string toolsDirectory, ILogger logger, CancellationToken cancellationToken) =>
        EnsureInstalledAsync(toolsDirectory, Environment.GetEnvironmentVariable("PATH"), logger, LockTimeout, cancellationToken);

    /// <summary>The folder npm installs into, under <paramref name="toolsDirectory"/>.</summary>
    public static string InstallDirectory(string toolsDirectory) => Path.Combine(Path.GetFullPath(toolsDirectory), "azurite");

    /// <summary>Where azurite.js is once installed (whether or not it is yet).</summary>
    public static string EntryPoint(string toolsDirectory) =>
        Path.Combine(InstallDirectory(toolsDirectory), "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>The core, with the search path for npm and node and the lock timeout open to tests.</summary>
    internal static async Task<string> EnsureInstalledAsync(
        string toolsDirectory,
        string? searchPath,
        ILogger logger,
        TimeSpan lockTimeout,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolsDirectory);
        ArgumentNullException.ThrowIfNull(logger);

        var installDirectory = InstallDirectory(toolsDirectory);
        var entryPoint = EntryPoint(toolsDirectory);
        Directory.CreateDirectory(installDirectory);

        // Checked only under the lock: another process may be half-way through writing node_modules.
        var lockPath = Path.Combine(Path.GetDirectoryName(installDirectory)!, "azurite.install.lock");
        using var installLock = await ExclusiveFileLock.AcquireAsync(
            lockPath, lockTimeout, () => AzuriteLog.WaitingForLock(logger, lockPath), cancellationToken).ConfigureAwait(false);

        await WaitForOrphanedNpmAsync(installDirectory, logger, cancellationToken).ConfigureAwait(false);

        if (IsInstalled(installDirectory, entryPoint, requireMarker: true))
        {
            AzuriteLog.AlreadyInstalled(logger, Version, entryPoint);
            return entryPoint;
        }

        var npm = ExecutableLocator.Find("npm", searchPath) ?? throw new AzuriteException(
            $"npm was not found on PATH, so Azurite {Version} (the Azure Storage emulator the local host and the " +
            "tests use) cannot be installed. Install Node.js 20 or later with npm (e.g. 'apt-get install nodejs npm' " +
            "or from https://nodejs.org), make sure 'npm --version' works in this shell, and retry.");
        if (ExecutableLocator.Find("node", searchPath) is null)
        {
            throw new AzuriteException(
                $"npm was found at '{npm}' but node was not found on PATH; Azurite runs on Node.js. Install Node.js 20 " +
                "or later (https://nodejs.org), make sure 'node --version' works in this shell, and retry.");
        }

        // A marker left from an older version, or by an interrupted install, must not vouch for what follows.
        File.Delete(Path.Combine(installDirectory, MarkerFileName));

        AzuriteLog.Installing(logger, Version, installDirectory);
        var stopwatch = Stopwatch.StartNew();
        await RunNpmInstallAsync(npm, searchPath, installDirectory, cancellationToken).ConfigureAwait(false);

        if (!IsInstalled(installDirectory, entryPoint, requireMarker: false))
        {
            throw new AzuriteException(
                $"npm reported success installing azurite@{Version} into '{installDirectory}', but '{entryPoint}' is " +
                $"missing or is not version {Version}. Delete '{installDirectory}' and retry.");
        }

        await File.WriteAllTextAsync(Path.Combine(installDirectory, MarkerFileName), Version, cancellationToken)
            .ConfigureAwait(false);
        AzuriteLog.Installed(logger, Version, stopwatch.Elapsed.TotalSeconds);
        return entryPoint;
    }

    /// <summary>
    /// Waits for an npm install whose caller died (kill -9) and left it running: a second npm in the same folder at
    /// the same time could leave node_modules broken.
    /// </summary>
    private static async Task WaitForOrphanedNpmAsync(string installDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var processIdPath = Path.Combine(installDirectory, NpmProcessIdFileName);
        string recorded;
        try
        {
            recorded = await File.ReadAllTextAsync(processIdPath, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return;
        }

        if (int.TryParse(recorded.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            && IsNpmInstallingAzurite(processId))
        {
            AzuriteLog.WaitingForOrphanedNpm(logger, processId);
            if (!await ProcessInspector.WaitForExitAsync(processId, NpmTimeout, cancellationToken).ConfigureAwait(false)
                && IsNpmInstallingAzurite(processId))
            {
                using var orphan = Process.GetProcessById(processId);
                orphan.Kill(entireProcessTree: true);
            }
        }

        File.Delete(processIdPath);
    }

    private static bool IsNpmInstallingAzurite(int processId)
    {
        // npm rewrites its title to "npm install azurite@x.y.z"; before that it is "node .../npm install ... azurite@x.y.z".
        if (!ProcessInspector.IsAlive(processId) || ProcessInspector.ReadCommandLine(processId) is not { } argv)
        {
            return false;
        }

        var commandLine = string.Join(' ', argv);
        return commandLine.Contains("npm", StringComparison.Ordinal)
            && commandLine.Contains($"azurite@{Version}", StringComparison.Ordinal);
    }

    private static bool IsInstalled(string installDirectory, string entryPoint, bool requireMarker)
    {
        // The marker is written only after npm succeeded, so an install killed half-way is not taken for done.
        if (requireMarker && !MarkerSays(Path.Combine(installDirectory, MarkerFileName)))
        {
            return false;
        }

        return File.Exists(entryPoint) && PackageVersion(installDirectory) == Version;
    }

    private static bool MarkerSays(string markerPath)
    {
        try
        {
            return File.Exists(markerPath) && File.ReadAllText(markerPath).Trim() == Version;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? PackageVersion(string installDirectory)
    {
        var packageJson = Path.Combine(installDirectory, "node_modules", "azurite", "package.json");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static async Task RunNpmInstallAsync(string npm, string? searchPath, string installDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(npm)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = installDirectory,
        };
        foreach (var argument in new[]
                 {
                     "install", "--prefix", installDirectory, $"azurite@{Version}",
                     "--no-audit", "--no-fund", "--no-update-notifier", "--loglevel=error",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // npm is a node script: the node it finds must be the one we checked for.
        startInfo.Environment["PATH"] = searchPath;

        using var npmProcess = new Process { StartInfo = startInfo };
        try
        {
            npmProcess.Start();
        }
        catch (Win32Exception ex)
        {
            throw new AzuriteException(
                $"Could not run '{npm}' to install Azurite: {ex.Message}. Check that npm works in this shell ('npm --version') and retry.",
                ex);
        }

        // The lock dies with this process but npm does not: the pid lets the next caller wait for an orphaned npm.
        var processIdPath = Path.Combine(installDirectory, NpmProcessIdFileName);
        await File.WriteAllTextAsync(processIdPath, npmProcess.Id.ToString(CultureInfo.InvariantCulture), CancellationToken.None)
            .ConfigureAwait(false);

        var standardOutput = npmProcess.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = npmProcess.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NpmTimeout);
        try
        {
            await npmProcess.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Leave no npm running behind a cancelled or hung install; the marker stays absent, so the next call retries.
            npmProcess.Kill(entireProcessTree: true);
            await npmProcess.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            File.Delete(processIdPath);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new AzuriteException(
                $"npm install azurite@{Version} did not finish within {NpmTimeout.TotalMinutes:0} minutes. Check that " +
                "the npm registry is reachable ('npm config get registry', 'npm ping') and retry.");
        }

        File.Delete(processIdPath);

        var error = await standardError.ConfigureAwait(false);
        var output = await standardOutput.ConfigureAwait(false);
        if (npmProcess.ExitCode != 0)
        {
            throw new AzuriteException(
                $"npm install azurite@{Version} into '{installDirectory}' failed with exit code {npmProcess.ExitCode}. " +
                "Check that the npm registry is reachable ('npm config get registry', 'npm ping') and that the folder is " +
                $"writable, then retry. npm said:{Environment.NewLine}{OutputTail.TailOf(error.Length > 0 ? error : output)}");
        }
    }
}
