namespace MentorFlow.Testing;

/// <summary>How to start a local host for a test: its data, storage, task hub and tables.</summary>
public sealed record LocalHostSettings
{
    /// <summary>The data directory; a fresh temporary folder by default.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "mentorflow-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>A storage connection string; null lets the host start its own Azurite.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>A task hub of the test's own, so tests never see each other's orchestrations.</summary>
    public string TaskHub { get; init; } = "T" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A table prefix of the test's own.</summary>
    public string TablePrefix { get; init; } = "T" + Guid.NewGuid().ToString("N")[..12];

    public bool WorkerEnabled { get; init; } = true;

    public string ApiKey { get; init; } = "test-key-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>More settings, as <c>--key=value</c> arguments.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }
}
