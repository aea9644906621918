using MentorFlow.Local.Storage;

namespace MentorFlow.Local.Tests.Storage;

public sealed class AzuriteCommandLineTests
{
    private const string EntryPoint = "/repo/.tools/azurite/node_modules/azurite/dist/src/azurite.js";

    [Fact]
    public void TryParse_ArgumentsWeLaunchWith_ReadsBackTheSameCommandLine()
    {
        var launched = new AzuriteCommandLine("127.0.0.1", 41000, 41001, 41002, "/data/azurite");

        var parsed = AzuriteCommandLine.TryParse(["/usr/bin/node", .. launched.ToArguments(EntryPoint)]);

        Assert.Equal(launched, parsed);
    }

    [Fact]
    public void TryParse_InMemoryArguments_HasNoLocation()
    {
        var launched = new AzuriteCommandLine("127.0.0.1", 41000, 41001, 41002, Location: null);

        var parsed = AzuriteCommandLine.TryParse(["node", .. launched.ToArguments(EntryPoint)]);

        Assert.NotNull(parsed);
        Assert.Null(parsed.Location);
        Assert.False(parsed.ServesLocation("/data/azurite"));
    }

    [Fact]
    public void TryParse_EqualsFormAndShortLocation_UsesThemAndAzuriteDefaults()
    {
        var parsed = AzuriteCommandLine.TryParse(["node", EntryPoint, "--blobPort=20000", "-l", "/data/x/"]);

        Assert.NotNull(parsed);
        Assert.Equal(20000, parsed.BlobPort);
        Assert.Equal(10001, parsed.QueuePort);
        Assert.Equal(10002, parsed.TablePort);
        Assert.True(parsed.ServesLocation(AzuriteCommandLine.NormalizeLocation("/data/x")));
    }

    [Theory]
    [InlineData("/usr/bin/python3", EntryPoint)]
    [InlineData("/usr/bin/node", "/srv/other-server.js")]
    [InlineData("/usr/bin/node", null)]
    public void TryParse_NotNodeRunningAzurite_ReturnsNull(string program, string? script)
    {
        string[] argv = script is null ? [program] : [program, script, "--location", "/data/azurite"];

        Assert.Null(AzuriteCommandLine.TryParse(argv));
    }

    [Fact]
    public void ToArguments_Always_DisablesTelemetry()
    {
        // Without it an offline Azurite keeps running ~100 s after SIGTERM, trying to send its shutdown telemetry.
        var arguments = new AzuriteCommandLine("127.0.0.1", 1, 2, 3, "/data").ToArguments(EntryPoint);

        Assert.Contains("--disableTelemetry", arguments);
        Assert.DoesNotContain("--inMemoryPersistence", arguments);
    }
}
