using MentorFlow.Local.Storage;
using Xunit;
using Xunit.Abstractions;

namespace MentorFlow.Testing;

/// <summary>
/// One real, in-memory Azurite for a test collection. It listens on free ports, never the default 10000-10002, so
/// tests neither collide with a developer's running host nor with parallel test assemblies.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Covers a first-ever npm install of Azurite as well as the start itself.
    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(5);

    private readonly IMessageSink _diagnostics;
    private AzuriteProcess? _azurite;

    public AzuriteFixture(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>The emulator; available once xunit has initialized the fixture.</summary>
    public AzuriteProcess Azurite =>
        _azurite ?? throw new InvalidOperationException("The Azurite fixture is used before xunit initialized it.");

    /// <summary>The full dev-store connection string of the emulator.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartBudget);
        var options = new AzuriteOptions
        {
            ToolsDirectory = TestPaths.ToolsDirectory,
            DataLocation = null,
            PreferredBlobPort = null,
        };
        _azurite = await AzuriteProcess.StartAsync(options, new MessageSinkLogger(_diagnostics), timeout.Token).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync().ConfigureAwait(false);
        }
    }
}
