using Microsoft.Extensions.Logging;

namespace MentorFlow.Local.Storage;

/// <summary>The emulator's log messages, generated so logging costs nothing when the level is off.</summary>
internal static partial class AzuriteLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Installing Azurite {Version} with npm into {InstallDirectory}; the first install takes a while")]
    public static partial void Installing(ILogger logger, string version, string installDirectory);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Installed Azurite {Version} in {ElapsedSeconds:0.0} s")]
    public static partial void Installed(ILogger logger, string version, double elapsedSeconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Azurite {Version} is already installed at {EntryPoint}")]
    public static partial void AlreadyInstalled(ILogger logger, string version, string entryPoint);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Waiting for another process to release {LockFile}")]
    public static partial void WaitingForLock(ILogger logger, string lockFile);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Waiting for npm (pid {ProcessId}), left installing Azurite by a process that died, to finish")]
    public static partial void WaitingForOrphanedNpm(ILogger logger, int processId);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Starting Azurite (pid {ProcessId}) on {Host} ports {BlobPort}/{QueuePort}/{TablePort}, data in {Location}")]
    public static partial void Launched(ILogger logger, int processId, string host, int blobPort, int queuePort, int tablePort, string location);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Azurite (pid {ProcessId}) is ready after {ElapsedSeconds:0.0} s")]
    public static partial void Ready(ILogger logger, int processId, double elapsedSeconds);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Azurite could not bind its ports ({BlobPort}/{QueuePort}/{TablePort} were taken meanwhile); retrying on other free ports")]
    public static partial void PortsTaken(ILogger logger, int blobPort, int queuePort, int tablePort);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Another emulator, not ours (it refuses this data folder's account), answers on {Host} ports {BlobPort}/{QueuePort}/{TablePort}; it is not used")]
    public static partial void ForeignEmulator(ILogger logger, string host, int blobPort, int queuePort, int tablePort);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Azurite: {Line}")]
    public static partial void ErrorOutput(ILogger logger, string line);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Reusing the Azurite (pid {ProcessId}) already serving {Location} on ports {BlobPort}/{QueuePort}/{TablePort}")]
    public static partial void Adopted(ILogger logger, int processId, string location, int blobPort, int queuePort, int tablePort);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Ignoring {StateFile}: its process {ProcessId} is gone or is not Azurite serving this folder")]
    public static partial void StaleState(ILogger logger, string stateFile, int processId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "The Azurite (pid {ProcessId}) serving {Location} does not answer; stopping it and starting a fresh one")]
    public static partial void Unresponsive(ILogger logger, int processId, string location);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Stopping Azurite (pid {ProcessId})")]
    public static partial void Stopping(ILogger logger, int processId);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Azurite (pid {ProcessId}) stopped")]
    public static partial void Stopped(ILogger logger, int processId);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "Azurite (pid {ProcessId}) did not exit within {TimeoutSeconds:0.0} s of SIGTERM; killing it")]
    public static partial void Killing(ILogger logger, int processId, double timeoutSeconds);
}
