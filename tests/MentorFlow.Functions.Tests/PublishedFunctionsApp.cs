using System.Diagnostics;
using System.Text.Json.Nodes;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests;

/// <summary>
/// The Functions app published once per test run with <c>dotnet publish</c>, as azd packages it; tests read the
/// published folder (its generated <c>functions.metadata</c> in particular).
/// </summary>
public sealed class PublishedFunctionsApp : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "mentorflow-publish-" + Guid.NewGuid().ToString("N"));

    public JsonArray Metadata { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var configuration = TestBuild.Configuration;
        var project = Path.Combine(TestPaths.RepositoryRoot, "functions", "MentorFlow.Functions", "MentorFlow.Functions.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        foreach (var argument in new[] { "publish", project, "-c", configuration, "-o", Folder, "--nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        Metadata = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "functions.metadata")))!.AsArray();
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>The function of that name, or null.</summary>
    public JsonObject? Function(string name) =>
        Metadata.Select(f => f!.AsObject()).SingleOrDefault(f => f["name"]!.GetValue<string>() == name);

    /// <summary>The trigger binding of a function (the one whose type ends in "Trigger").</summary>
    public static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject())
            .Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
}
