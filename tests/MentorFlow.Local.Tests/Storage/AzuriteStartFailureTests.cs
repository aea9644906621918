using System.Globalization;
using System.Runtime.Versioning;
using MentorFlow.Local.Storage;
using MentorFlow.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Local.Tests.Storage;

/// <summary>How a failed start reads, with a stand-in "node" on the search path instead of the real one.</summary>
public sealed class AzuriteStartFailureTests : IAsyncLifetime
{
    private readonly ProcessJanitor _janitor = new();

    public async Task InitializeAsync()
    {
        // The real Azurite must be installed: the stand-in only replaces node, not the installer's check.
        using var timeout = new CancellationTokenSource(AzuriteTestOptions.StartBudget);
        await AzuriteInstaller.EnsureInstalledAsync(TestPaths.ToolsDirectory, timeout.Token);
    }

    public Task DisposeAsync() => _janitor.DisposeAsync().AsTask();

    [Fact]
    public async Task StartAsync_AzuriteExitsEarly_ThrowsWithItsErrorOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The stand-in node is a shell script.
        }

        var searchPath = StandInNode("echo 'listening failed: simulated' >&2\nexit 3");

        var error = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteProcess.StartAsync(
            AzuriteTestOptions.Create(), NullLogger.Instance, searchPath, CancellationToken.None));

        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("listening failed: simulated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_AzuriteNeverAnswers_TimesOutAndLeavesNoProcess()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The stand-in node is a shell script, checked for through /proc.
        }

        var pidFile = Path.Combine(_janitor.NewTemporaryDirectory(), "pid");
        var searchPath = StandInNode($"echo $$ > '{pidFile}'\necho 'still starting' >&2\nexec sleep 60");
        var options = new AzuriteOptions
        {
            ToolsDirectory = TestPaths.ToolsDirectory,
            PreferredBlobPort = null,
            StartTimeout = TimeSpan.FromSeconds(1),
            StopTimeout = TimeSpan.FromSeconds(1),
        };

        var error = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteProcess.StartAsync(
            options, NullLogger.Instance, searchPath, CancellationToken.None));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("still starting", error.Message, StringComparison.Ordinal);
        var processId = int.Parse(await File.ReadAllTextAsync(pidFile), CultureInfo.InvariantCulture);
        Assert.False(ProcessInspector.IsAlive(processId));
    }

    [UnsupportedOSPlatform("windows")]
    private string StandInNode(string script)
    {
        var directory = _janitor.NewTemporaryDirectory();
        var node = Path.Combine(directory, "node");
        File.WriteAllText(node, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(node, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
    }
}
