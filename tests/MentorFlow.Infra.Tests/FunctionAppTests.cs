using MentorFlow.Infra.Tests.Arm;
using MentorFlow.Infra.Tests.Bicep;
using MentorFlow.Infra.Tests.Deployment;

namespace MentorFlow.Infra.Tests;

/// <summary>The Function App: Flex Consumption, .NET 10 isolated, HTTPS only, no FTP, running as the managed identity.</summary>
[Collection(BicepBuildCollection.Name)]
public sealed class FunctionAppTests(BicepBuild build)
{
    private ArmDeployment Deployment => DeployedInfrastructure.For(build, DeploymentScenario.Minimal);

    private ArmResource App => Deployment.FunctionApp();

    private ArmResource Identity => Deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

    [Fact]
    public void HttpsOnly_IsOn() => Assert.True(App.Property("httpsOnly")!.GetValue<bool>());

    [Fact]
    public void MinimumTls_Is12()
    {
        Assert.Equal("1.2", App.Property("siteConfig.minTlsVersion")!.GetValue<string>());
        Assert.Equal("1.2", App.Property("siteConfig.scmMinTlsVersion")!.GetValue<string>());
    }

    [Fact]
    public void Ftp_IsDisabled() => Assert.Equal("Disabled", App.Property("siteConfig.ftpsState")!.GetValue<string>());

    [Fact]
    public void BasicAuthPublishing_IsDisabledForFtpAndScm()
    {
        var policies = Deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToDictionary(p => p.Name.Split('/')[^1]);

        Assert.Equal(["ftp", "scm"], policies.Keys.Order());
        Assert.All(policies.Values, p => Assert.False(p.Property("allow")!.GetValue<bool>()));
    }

    [Fact]
    public void Identity_IsTheUserAssignedIdentity_Only()
    {
        Assert.Equal("UserAssigned", App.Body["identity"]!["type"]!.GetValue<string>());
        var assigned = App.Body["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal([Identity.Id], assigned);
    }

    [Fact]
    public void KeyVaultReferences_ResolveWithTheUserAssignedIdentity() =>
        Assert.Equal(Identity.Id, App.Property("keyVaultReferenceIdentity")!.GetValue<string>());

    [Fact]
    public void DeploymentPackage_IsReadWithTheUserAssignedIdentity()
    {
        Assert.Equal("UserAssignedIdentity", App.Property("functionAppConfig.deployment.storage.authentication.type")!.GetValue<string>());
        Assert.Equal(Identity.Id, App.Property("functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId")!.GetValue<string>());
    }

    [Fact]
    public void Runtime_IsDotnetIsolated10()
    {
        Assert.Equal("dotnet-isolated", App.Property("functionAppConfig.runtime.name")!.GetValue<string>());
        Assert.Equal("10.0", App.Property("functionAppConfig.runtime.version")!.GetValue<string>());
    }

    [Fact]
    public void Plan_IsFlexConsumption()
    {
        var plan = Deployment.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FlexConsumption", plan.Body["sku"]!["tier"]!.GetValue<string>());
        Assert.Equal("FC1", plan.Body["sku"]!["name"]!.GetValue<string>());
        Assert.Equal(plan.Id, App.Property("serverFarmId")!.GetValue<string>());
    }

    [Fact]
    public void AppSettings_HaveNoneFlexConsumptionRejects()
    {
        // Flex Consumption takes the runtime and deployment from functionAppConfig; these settings are deprecated there.
        string[] deprecated =
        [
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
            "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD",
            "WEBSITE_NODE_DEFAULT_VERSION", "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT",
        ];

        Assert.Empty(DeployedInfrastructure.For(build, DeploymentScenario.Everything).AppSettings().Keys.Intersect(deprecated, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void ApplicationInsights_TakesEntraAuthenticationOnly()
    {
        var component = Deployment.Single("Microsoft.Insights/components");
        var settings = Deployment.AppSettings();

        Assert.True(component.Property("DisableLocalAuth")!.GetValue<bool>());
        Assert.Equal($"ClientId={RuntimeValue.Of(Identity.Id)}.clientId;Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Equal($"{RuntimeValue.Of(component.Id)}.ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }
}
