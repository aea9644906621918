using MentorFlow.Infra.Tests.Bicep;

namespace MentorFlow.Infra.Tests;

/// <summary>infra/main.bicep compiles offline with the pinned Bicep CLI, and the linter finds nothing.</summary>
[Collection(BicepBuildCollection.Name)]
public sealed class BicepBuildTests(BicepBuild build)
{
    [Fact]
    public void Build_MainBicep_SucceedsWithNoErrorsOrWarnings()
    {
        Assert.True(build.ExitCode == 0, $"bicep build exited {build.ExitCode}:\n{string.Join('\n', build.Diagnostics)}");
        Assert.Empty(build.Diagnostics);
    }

    [Fact]
    public void Build_MainBicep_TargetsTheSubscription()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", build.Template["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Modules_AreLocalFiles_NoRegistryModules()
    {
        // Registry modules (br:, br/public:, ts:) cannot be fetched offline; every module is a file under infra/.
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(@"module\s+\w+\s+'(br|ts)[:/]", text);
        }
    }

    [Fact]
    public async Task BicepCli_IsThePinnedVersion()
    {
        var (exitCode, output, _) = await BicepCli.RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.Contains($"Bicep CLI version {BicepCli.Version} ", output, StringComparison.Ordinal);
    }
}
