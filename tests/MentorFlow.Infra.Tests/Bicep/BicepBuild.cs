using System.Text.Json.Nodes;

namespace MentorFlow.Infra.Tests.Bicep;

/// <summary><c>bicep build infra/main.bicep</c>, run once for the test run: the ARM template and every diagnostic.</summary>
public sealed class BicepBuild : IAsyncLifetime
{
    public int ExitCode { get; private set; }

    /// <summary>Diagnostics (errors, warnings, linter findings) as bicep printed them, one per line.</summary>
    public IReadOnlyList<string> Diagnostics { get; private set; } = [];

    /// <summary>The compiled ARM template.</summary>
    public JsonObject Template { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var (exitCode, output, error) = await BicepCli.RunAsync("build", RepositoryPaths.MainBicep, "--stdout");
        ExitCode = exitCode;
        Diagnostics = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (exitCode == 0)
        {
            Template = JsonNode.Parse(output)!.AsObject();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
