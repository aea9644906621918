using System.Diagnostics;
using MentorFlow.Local.Storage;

namespace MentorFlow.Local.Tests.Storage;

/// <summary>
/// Kills, by pid, every Azurite a test started and removes its temporary folders, whether the test passed or not.
/// A pid is only killed while it still runs Azurite, so a reused pid is never hit.
/// </summary>
internal sealed class ProcessJanitor : IAsyncDisposable
{
    private readonly List<int> _processIds = [];
    private readonly List<string> _directories = [];

    public AzuriteProcess Track(AzuriteProcess azurite)
    {
        _processIds.Add(azurite.ProcessId);
        return azurite;
    }

    public string NewTemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "mentorflow-azurite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        _directories.Add(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var processId in _processIds)
        {
            if (!ProcessInspector.IsAlive(processId)
                || ProcessInspector.ReadCommandLine(processId) is not { } argv
                || AzuriteCommandLine.TryParse(argv) is null)
            {
                continue;
            }

            // A test may have stopped it with SIGSTOP; SIGKILL ends it either way.
            try
            {
                using var process = Process.GetProcessById(processId);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Exited meanwhile.
            }

            await ProcessInspector.WaitForExitAsync(processId, TimeSpan.FromSeconds(5), CancellationToken.None);
        }

        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder must not fail the test.
            }
        }
    }
}
