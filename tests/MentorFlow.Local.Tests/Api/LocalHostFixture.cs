using MentorFlow.Testing;
using Xunit.Abstractions;

namespace MentorFlow.Local.Tests.Api;

/// <summary>One Azurite and one running local host shared by the HTTP tests; other hosts may use the same Azurite.</summary>
public sealed class LocalHostFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new(diagnostics);

    public LocalHostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Host = await LocalHostProcess.StartAsync(new LocalHostSettings { ConnectionString = Azurite.ConnectionString });
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Azurite.DisposeAsync();
    }
}
