using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MentorFlow.Infra.Tests.Bicep;
using MentorFlow.Infra.Tests.Deployment;

namespace MentorFlow.Infra.Tests;

/// <summary>azure.yaml and infra/main.parameters.json fit the template and the repository.</summary>
[Collection(BicepBuildCollection.Name)]
public sealed class AzdConfigurationTests(BicepBuild build)
{
    private static readonly string AzureYaml = File.ReadAllText(RepositoryPaths.AzureYaml);

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProject_AsAFunctionApp()
    {
        var project = Regex.Match(AzureYaml, @"^\s+project:\s*(?<path>\S+)\s*$", RegexOptions.Multiline).Groups["path"].Value;

        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Repository, project, "MentorFlow.Functions.csproj")), $"azure.yaml's project {project} is not the Functions app.");
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", AzureYaml);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", AzureYaml);
    }

    [Fact]
    public void AzureYaml_ServiceName_IsTheFunctionAppsAzdServiceNameTag()
    {
        var service = Regex.Match(AzureYaml, @"(?m)^services:\s*\n(\s+#.*\n)*\s+(?<name>[a-z0-9-]+):\s*$").Groups["name"].Value;
        var app = DeployedInfrastructure.For(build, DeploymentScenario.Minimal).FunctionApp();

        Assert.Equal(service, app.Body["tags"]!["azd-service-name"]!.GetValue<string>());
        Assert.NotNull(build.Template["outputs"]![$"SERVICE_{service.ToUpperInvariant()}_NAME"]);
    }

    [Fact]
    public void AzureYaml_PostProvisionHook_RunsTheScript()
    {
        Assert.Matches(@"(?m)^\s+postprovision:\s*$", AzureYaml);
        Assert.Matches(@"(?m)^\s+run:\s*\./scripts/postprovision\.sh\s*$", AzureYaml);
        Assert.True(File.Exists(RepositoryPaths.PostProvisionScript));
    }

    [Fact]
    public void AzureYaml_UsesTheBicepInInfra()
    {
        Assert.Matches(@"(?m)^\s+provider:\s*bicep\s*$", AzureYaml);
        Assert.Matches(@"(?m)^\s+path:\s*infra\s*$", AzureYaml);
        Assert.Matches(@"(?m)^\s+module:\s*main\s*$", AzureYaml);
    }

    [Fact]
    public void MainParameters_MapEveryParameterWithoutADefault_FromTheEnvironment()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))!["parameters"]!.AsObject();
        var required = build.Template["parameters"]!.AsObject().Where(p => !p.Value!.AsObject().ContainsKey("defaultValue")).Select(p => p.Key);

        Assert.All(required, name => Assert.True(file.ContainsKey(name), $"main.bicep's required parameter {name} is not in main.parameters.json."));
        Assert.Contains("${AZURE_ENV_NAME}", file["environmentName"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("${AZURE_LOCATION}", file["location"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void MainParameters_ReadNoVariableThatIsAlsoAnOutput()
    {
        // azd writes outputs into the environment: an output read back as a parameter would pin its first value.
        // AZURE_LOCATION is azd's own convention: the output is the location parameter itself.
        var outputs = build.Template["outputs"]!.AsObject().Select(o => o.Key).Where(k => k != "AZURE_LOCATION").ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.DoesNotContain(AzdParameters.Variables().Keys, outputs.Contains);
    }

    [Fact]
    public void Resources_FollowTheAbbreviations_AndCarryTheAzdEnvironmentTag()
    {
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Minimal);
        var tagged = deployment.AllResources.Where(r => r.Body["tags"] is not null).ToList();

        Assert.Contains(tagged, r => r.Type == "Microsoft.Resources/resourceGroups" && r.Name == "rg-mentorflow-test");
        Assert.All(tagged, r => Assert.Equal("mentorflow-test", r.Body["tags"]!["azd-env-name"]!.GetValue<string>()));
        Assert.StartsWith("func-", deployment.FunctionApp().Name, StringComparison.Ordinal);
        Assert.StartsWith("kv-", deployment.Single("Microsoft.KeyVault/vaults").Name, StringComparison.Ordinal);
    }
}
