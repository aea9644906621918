using System.Diagnostics;
using MentorFlow.Local.Storage;

namespace MentorFlow.Local.Hosting;

/// <summary>
/// Keeps the host's own Azurite running: when it exits while the host runs (crash, OOM, <c>kill -9</c>), it is started
/// again on the same data folder, account and ports, so every client's connection string stays valid, and that is
/// said in one log line. While it is down, <see cref="StorageOutage"/> holds back the durable engine's retry noise and
/// the API answers 503. When restarts keep failing, the host stops with a message that says why.
/// </summary>
internal sealed partial class AzuriteSupervisor(
    LocalStorage storage, StorageOutage outage, IHostApplicationLifetime lifetime, ILogger<AzuriteSupervisor> logger) : BackgroundService
{
    private const int MaxConsecutiveFailures = 3;
    private const int MaxRestartsPerWindow = 5;
    private static readonly TimeSpan RestartWindow = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var restarts = new Queue<DateTime>();
        var failures = 0;
        while (storage.Emulator is { } azurite)
        {
            try
            {
                await azurite.WaitForExitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            outage.Begin();
            var exitCode = azurite.ExitCode;
            var clock = Stopwatch.StartNew();
            restarts.Enqueue(DateTime.UtcNow);
            while (restarts.Peek() < DateTime.UtcNow - RestartWindow)
            {
                restarts.Dequeue();
            }

            if (restarts.Count > MaxRestartsPerWindow)
            {
                GiveUp($"Azurite (pid {azurite.ProcessId}) exited {restarts.Count} times within {RestartWindow.TotalMinutes:0} minutes");
                return;
            }

            try
            {
                var restarted = await azurite.RestartAsync(logger, stoppingToken);
                storage.Replace(restarted);
                failures = 0;
                var held = outage.End();
                LogRestarted(
                    logger, azurite.ProcessId, exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown",
                    restarted.ProcessId, restarted.BlobPort, restarted.QueuePort, restarted.TablePort, clock.Elapsed.TotalSeconds, held);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (AzuriteException e)
            {
                failures++;
                if (failures >= MaxConsecutiveFailures)
                {
                    GiveUp($"Azurite (pid {azurite.ProcessId}) exited and could not be started again ({failures} tries): {e.Message}");
                    return;
                }

                LogRestartFailed(logger, azurite.ProcessId, failures, e.Message);
                try
                {
                    await Task.Delay(RetryDelay * failures, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void GiveUp(string reason)
    {
        LogGivingUp(logger, reason);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Azurite (pid {ProcessId}) exited unexpectedly (exit code {ExitCode}); restarted it as pid {NewProcessId} on the same data folder and ports {BlobPort}/{QueuePort}/{TablePort} in {ElapsedSeconds:0.0} s ({HeldBack} durable engine log entries held back meanwhile)")]
    private static partial void LogRestarted(
        ILogger logger, int processId, string exitCode, int newProcessId, int blobPort, int queuePort, int tablePort, double elapsedSeconds, long heldBack);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Azurite (pid {ProcessId}) exited and restart {Attempt} failed; retrying: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, int processId, int attempt, string reason);

    [LoggerMessage(EventId = 42, Level = LogLevel.Critical, Message = "Stopping MentorFlow: its storage is gone. {Reason}. Check the Azurite output above, free the ports or the data folder, and start MentorFlow again")]
    private static partial void LogGivingUp(ILogger logger, string reason);
}
