using MentorFlow.Infra.Tests.Arm;
using MentorFlow.Infra.Tests.Bicep;
using MentorFlow.Infra.Tests.Deployment;

namespace MentorFlow.Infra.Tests;

/// <summary>Secrets live in Key Vault (RBAC mode) and reach the app only as Key Vault references; no output carries one.</summary>
[Collection(BicepBuildCollection.Name)]
public sealed class SecretTests(BicepBuild build)
{
    [Fact]
    public void KeyVault_UsesAzureRbac_WithSoftDelete()
    {
        var vault = DeployedInfrastructure.For(build, DeploymentScenario.Minimal).Single("Microsoft.KeyVault/vaults");

        Assert.True(vault.Property("enableRbacAuthorization")!.GetValue<bool>());
        Assert.True(vault.Property("enableSoftDelete")!.GetValue<bool>());
        Assert.Null(vault.Property("accessPolicies"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void AppSettings_HoldNoSecretValue_OnlyKeyVaultReferences(string scenarioName)
    {
        var scenario = DeploymentScenario.Named(scenarioName);
        var settings = DeployedInfrastructure.For(build, scenario).AppSettings();

        foreach (var (name, value) in settings)
        {
            foreach (var secret in scenario.SecretValues)
            {
                Assert.False(value.Contains(secret, StringComparison.Ordinal), $"App setting {name} holds a secret value instead of a Key Vault reference.");
            }

            Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature=", value, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void SecretSettings_AreKeyVaultReferences_ToSecretsThisDeploymentStores(string scenarioName)
    {
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName));
        var settings = deployment.AppSettings();
        var vault = deployment.Single("Microsoft.KeyVault/vaults");

        // The settings that carry secrets: MentorFlow's options read them, Key Vault holds them.
        string[] secretSettings = ["MentorFlow__Email__SendGrid__ApiKey", "MentorFlow__Approvals__SigningKey"];
        if (scenarioName == DeploymentScenario.Everything.Name)
        {
            secretSettings = [.. secretSettings, "MentorFlow__Approvals__PreviousSigningKeys__0"];
        }

        if (scenarioName == DeploymentScenario.Salesforce.Name)
        {
            secretSettings = [.. secretSettings, "MentorFlow__Crm__Salesforce__ClientSecret"];
        }

        foreach (var name in secretSettings)
        {
            Assert.True(settings.TryGetValue(name, out var value), $"{name} is not set.");
            Assert.True(AppServicePlatform.IsKeyVaultReference(value), $"{name} is not a Key Vault reference: {value}");
            var secret = AppServicePlatform.ReferencedSecret(deployment, value);
            Assert.NotNull(secret);
            Assert.StartsWith(vault.Name + "/", secret.Name, StringComparison.Ordinal);
        }

        // And every Key Vault reference there is points at a secret this deployment stores.
        foreach (var (name, value) in settings.Where(s => AppServicePlatform.IsKeyVaultReference(s.Value)))
        {
            Assert.True(AppServicePlatform.ReferencedSecret(deployment, value) is not null, $"{name} refers to a secret nothing stores: {value}");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Outputs_AtEveryLevel_CarryNoSecret(string scenarioName)
    {
        var scenario = DeploymentScenario.Named(scenarioName);
        var deployment = DeployedInfrastructure.For(build, scenario);

        foreach (var level in deployment.AllDeployments)
        {
            Assert.DoesNotContain(level.OutputTypes, t => t.Value.StartsWith("secure", StringComparison.OrdinalIgnoreCase));
            foreach (var (name, value) in level.Outputs)
            {
                var text = value?.ToJsonString() ?? "";
                foreach (var secret in scenario.SecretValues.Concat(level.SecureParameterValues))
                {
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), $"Output {level.Name}.{name} carries a secret value.");
                }

                Assert.DoesNotContain("ConnectionString", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Templates_NeverReadKeys()
    {
        // list* functions (listKeys, listSecrets, …) put keys into a deployment; identity-only access needs none.
        var compiled = build.Template.ToJsonString();

        Assert.DoesNotMatch(@"\blist[A-Za-z]*\(", compiled);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void SecureParameters_OnlyReachKeyVaultSecrets(string scenarioName)
    {
        // The one module that receives secrets is the Key Vault one, and it writes them only into secrets.
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName));
        var receivers = deployment.Modules.Where(m => m.SecureParameterValues.Count > 0).Select(m => m.Name).ToList();
        Assert.Equal(["keyvault"], receivers);

        var keyVault = deployment.Modules.Single(m => m.Name == "keyvault");
        foreach (var resource in deployment.AllResources.Where(r => r.Type != "Microsoft.KeyVault/vaults/secrets"))
        {
            var text = resource.Body.ToJsonString();
            Assert.DoesNotContain(keyVault.SecureParameterValues, text.Contains);
        }
    }

    public static TheoryData<string> Scenarios => DeploymentScenario.Names;
}
