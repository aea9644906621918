using MentorFlow.Infra.Tests.Bicep;
using MentorFlow.Infra.Tests.Deployment;

namespace MentorFlow.Infra.Tests;

/// <summary>docs/deploy.md names every variable, app setting and output the deployment has: a reader meets none the docs never named.</summary>
[Collection(BicepBuildCollection.Name)]
public sealed class DeployDocsTests(BicepBuild build)
{
    private static readonly string Docs = File.ReadAllText(RepositoryPaths.DeployDocs);

    [Fact]
    public void Docs_NameEveryAzdEnvironmentVariable() =>
        Assert.All(AzdParameters.Variables().Keys, name => Assert.True(Docs.Contains($"`{name}`", StringComparison.Ordinal), $"docs/deploy.md never names {name}."));

    [Fact]
    public void Docs_NameEveryAppSetting() =>
        Assert.All(
            DeploymentScenario.All.SelectMany(s => DeployedInfrastructure.For(build, s).AppSettings().Keys).Distinct(),
            name => Assert.True(Docs.Contains($"`{name}`", StringComparison.Ordinal), $"docs/deploy.md never names the app setting {name}."));

    [Fact]
    public void Docs_NameEveryOutput() =>
        Assert.All(
            build.Template["outputs"]!.AsObject().Select(o => o.Key),
            name => Assert.True(Docs.Contains($"`{name}`", StringComparison.Ordinal), $"docs/deploy.md never names the output {name}."));

    [Fact]
    public void Docs_NameEveryVariableThePostProvisionScriptReads()
    {
        var script = File.ReadAllText(RepositoryPaths.PostProvisionScript);
        foreach (var name in new[] { "GRANT_GRAPH_USER_READ_ALL", "DATAVERSE_URL", "DATAVERSE_SECURITY_ROLE", "SENDGRID_WEBHOOK_SETUP_API_KEY", "SENDGRID_BASE_URL", "CRM_PROVIDER" })
        {
            Assert.Contains("${" + name, script, StringComparison.Ordinal);
            Assert.Matches($@"`{name}[`=]", Docs);
        }
    }
}
