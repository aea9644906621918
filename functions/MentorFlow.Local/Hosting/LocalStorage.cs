using MentorFlow.Integrations.Storage;
using MentorFlow.Local.Storage;

namespace MentorFlow.Local.Hosting;

/// <summary>
/// The storage the local host uses: the configured connection string, or else an Azurite it starts itself with its
/// data under the data directory (reusing one a killed host left running), stopped again when the host stops.
/// </summary>
internal sealed class LocalStorage : IAsyncDisposable
{
    private volatile AzuriteProcess? azurite;

    private LocalStorage(string connectionString, AzuriteProcess? azurite)
    {
        ConnectionString = connectionString;
        this.azurite = azurite;
    }

    public string ConnectionString { get; }

    /// <summary>True when this host started (or took over) its own Azurite.</summary>
    public bool IsEmulator => azurite is not null;

    /// <summary>The Azurite this host runs now (a restart replaces it), or null when storage is configured.</summary>
    public AzuriteProcess? Emulator => azurite;

    /// <summary>Puts a restarted Azurite (same folder, account and ports) in place of the one that exited.</summary>
    public void Replace(AzuriteProcess restarted) => azurite = restarted;

    public static async Task<LocalStorage> ResolveAsync(
        IConfiguration configuration, LocalHostOptions options, string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = configuration[$"{TableStorageOptions.Section}:{nameof(TableStorageOptions.ConnectionString)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new LocalStorage(configured, null);
        }

        var tools = Path.GetFullPath(options.ToolsDirectory ?? Path.Combine(dataDirectory, "tools"));
        var azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions
            {
                ToolsDirectory = tools,
                DataLocation = Path.Combine(dataDirectory, "azurite"),
                // Azurite writes its databases to disk as it stops. With the save preload (AzuriteSaves) they are at
                // most 0.1 s behind anyway, so a forced kill after 4 s costs little, and Ctrl+C ends the host in 10 s.
                StopTimeout = TimeSpan.FromSeconds(4),
            },
            logger,
            cancellationToken);
        return new LocalStorage(azurite.ConnectionString, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
