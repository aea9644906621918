using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using MentorFlow.Local.Storage;
using MentorFlow.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Local.Tests.Storage;

public sealed class AzuriteInstallerTests : IAsyncLifetime
{
    // A first-ever install downloads Azurite; later runs find it in {repo}/.tools.
    private static readonly TimeSpan InstallBudget = TimeSpan.FromMinutes(5);

    private readonly ProcessJanitor _janitor = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _janitor.DisposeAsync().AsTask();

    [Fact]
    public async Task EnsureInstalledAsync_AlreadyInstalled_ReturnsSamePathWithoutReinstalling()
    {
        using var timeout = new CancellationTokenSource(InstallBudget);
        var first = await AzuriteInstaller.EnsureInstalledAsync(TestPaths.ToolsDirectory, timeout.Token);
        // An install deletes the marker first and writes it last, so an untouched marker means npm did not run again
        // (a time budget said the same thing but failed on a busy machine).
        var marker = Path.Combine(AzuriteInstaller.InstallDirectory(TestPaths.ToolsDirectory), "mentorflow-installed.txt");
        var markerWritten = File.GetLastWriteTimeUtc(marker);

        var second = await AzuriteInstaller.EnsureInstalledAsync(TestPaths.ToolsDirectory, timeout.Token);

        Assert.Equal(first, second);
        Assert.True(File.Exists(second), second);
        Assert.EndsWith(Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js"), second, StringComparison.Ordinal);
        Assert.True(File.Exists(marker), marker);
        Assert.Equal(markerWritten, File.GetLastWriteTimeUtc(marker));
    }

    [Fact]
    public async Task EnsureInstalledAsync_ConcurrentCallers_AllReturnTheSamePath()
    {
        using var timeout = new CancellationTokenSource(InstallBudget);

        var paths = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => AzuriteInstaller.EnsureInstalledAsync(TestPaths.ToolsDirectory, timeout.Token))));

        Assert.Single(paths.Distinct());
        Assert.True(File.Exists(paths[0]), paths[0]);
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmNotOnPath_ThrowsSayingHowToFixIt()
    {
        var tools = _janitor.NewTemporaryDirectory();
        var emptyPath = _janitor.NewTemporaryDirectory();

        var error = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteInstaller.EnsureInstalledAsync(
            tools, emptyPath, NullLogger.Instance, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Contains("npm was not found on PATH", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://nodejs.org", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmFails_ThrowsWithNpmErrorOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The stand-in npm below is a shell script.
        }

        var tools = _janitor.NewTemporaryDirectory();
        var searchPath = FailingNpm("npm error code E503", "npm error simulated registry outage")
            + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

        var error = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteInstaller.EnsureInstalledAsync(
            tools, searchPath, NullLogger.Instance, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Contains("exit code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("simulated registry outage", error.Message, StringComparison.Ordinal);
        Assert.Contains("npm ping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmLeftRunningByADeadCaller_WaitsForItBeforeInstalling()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The orphan is recognized through /proc.
        }

        var tools = _janitor.NewTemporaryDirectory();
        var installDirectory = AzuriteInstaller.InstallDirectory(tools);
        Directory.CreateDirectory(installDirectory);
        // Stands in for an npm whose caller was killed: its command line names npm and the pinned package.
        using var orphan = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 1.5", "npm", $"azurite@{AzuriteInstaller.Version}"])
        {
            UseShellExecute = false,
        })!;
        await File.WriteAllTextAsync(Path.Combine(installDirectory, "npm-install.pid"), orphan.Id.ToString(CultureInfo.InvariantCulture));
        var searchPath = FailingNpm("npm error simulated") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

        await Assert.ThrowsAsync<AzuriteException>(() => AzuriteInstaller.EnsureInstalledAsync(
            tools, searchPath, NullLogger.Instance, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.True(orphan.HasExited, "The installer ran npm while the orphaned npm was still running.");
        Assert.False(File.Exists(Path.Combine(installDirectory, "npm-install.pid")));
    }

    [Fact]
    public async Task EnsureInstalledAsync_LockHeldTooLong_ThrowsNamingTheLockFile()
    {
        var tools = _janitor.NewTemporaryDirectory();
        var lockPath = Path.Combine(tools, "azurite.install.lock");
        await using var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteInstaller.EnsureInstalledAsync(
            tools, Environment.GetEnvironmentVariable("PATH"), NullLogger.Instance, TimeSpan.FromMilliseconds(500), CancellationToken.None));

        Assert.Contains(lockPath, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A folder holding a stand-in npm that prints <paramref name="errorLines"/> to stderr and fails.</summary>
    [UnsupportedOSPlatform("windows")]
    private string FailingNpm(params string[] errorLines)
    {
        var directory = _janitor.NewTemporaryDirectory();
        var npm = Path.Combine(directory, "npm");
        var echoes = string.Concat(errorLines.Select(line => $"echo '{line}' >&2\n"));
        File.WriteAllText(npm, $"#!/bin/sh\n{echoes}exit 1\n");
        File.SetUnixFileMode(npm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }
}
