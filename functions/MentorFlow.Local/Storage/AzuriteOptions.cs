namespace MentorFlow.Local.Storage;

/// <summary>How <see cref="AzuriteProcess.StartAsync(AzuriteOptions, Microsoft.Extensions.Logging.ILogger, CancellationToken)"/> installs, places and runs the emulator.</summary>
public sealed class AzuriteOptions
{
    /// <summary>The default blob port of Azurite and of every Azure Storage tool; queue and table follow it.</summary>
    public const int DefaultBlobPort = 10000;

    /// <summary>Where Azurite is installed with npm (into an <c>azurite</c> sub-folder), e.g. <c>{repo}/.tools</c>.</summary>
    public required string ToolsDirectory { get; init; }

    /// <summary>
    /// The folder Azurite keeps its data in. Null runs it with <c>--inMemoryPersistence</c>: nothing survives it, and
    /// it is never adopted by a later start. When set, a running Azurite for the same folder is reused.
    /// </summary>
    public string? DataLocation { get; init; }

    /// <summary>The address all three services listen on and the connection string points at.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>
    /// The blob port to use when it and the next two (queue, table) are all free; otherwise three free ports are
    /// picked. Null always picks free ports, which is what tests want so they never collide with a developer's host.
    /// </summary>
    public int? PreferredBlobPort { get; init; } = DefaultBlobPort;

    /// <summary>
    /// How long launching (or adopting) may take until all three endpoints answer. Installing is not counted: a first
    /// npm install takes tens of seconds and has its own, longer limit.
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a stop waits after SIGTERM before it kills the process tree.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
