using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using MentorFlow.Infra.Tests.Arm;
using MentorFlow.Infra.Tests.Bicep;
using MentorFlow.Infra.Tests.Deployment;
using MentorFlow.Infra.Tests.Functions;

namespace MentorFlow.Infra.Tests;

/// <summary>
/// The app settings the infrastructure deploys against what the Functions app needs at start-up: the options its
/// Program.cs registers and validates (found by reflection), host.json's %settings%, and the host's identity-based
/// storage connection. A deployment whose app would not start fails here, with the setting named.
/// </summary>
[Collection(BicepBuildCollection.Name)]
public sealed partial class AppSettingsTests(BicepBuild build)
{
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void StartupValidation_WithTheDeployedSettings_Passes(string scenarioName)
    {
        var settings = AppServicePlatform.ResolvedAppSettings(DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName)));

        var failures = FunctionsAppStartup.Validate(settings);

        Assert.True(failures.Count == 0, "The Functions app would not start with the deployed settings:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void StartupValidation_WithNoSettings_Fails()
    {
        // The check above means something only if the app's validation runs here: with nothing set, it must fail.
        Assert.NotEmpty(FunctionsAppStartup.Validate(new Dictionary<string, string>()));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EveryMentorFlowSetting_IsAnOptionPropertyTheAppBinds_OrAHostJsonSetting(string scenarioName)
    {
        // A renamed or removed option property makes its app setting dead: caught here, not in production.
        var options = FunctionsAppStartup.BoundOptions();
        var hostJsonSettings = HostJsonSettingNames();

        foreach (var name in DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName)).AppSettings().Keys.Where(k => k.StartsWith("MentorFlow__", StringComparison.Ordinal)))
        {
            if (hostJsonSettings.Contains(name))
            {
                continue;
            }

            var key = name.Replace("__", ":", StringComparison.Ordinal);
            var (type, section) = options
                .Where(o => key.StartsWith(o.Value + ":", StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(o => o.Value.Length)
                .Select(o => (o.Key, o.Value))
                .FirstOrDefault();
            Assert.True(type is not null, $"App setting {name} is in no options section the app binds ({string.Join(", ", options.Values)}).");
            Assert.True(
                ResolvesToProperty(type, key[(section.Length + 1)..].Split(':')),
                $"App setting {name} names no property of {type.Name} (bound from {section}).");
        }
    }

    [Fact]
    public void BoundOptions_IncludeEveryOptionsClassTheAppValidates()
    {
        // The reflection above only sees what Program.cs registers; these are the ones the app has today.
        var names = FunctionsAppStartup.BoundOptions().Keys.Select(t => t.Name).ToList();

        Assert.Superset(
            new HashSet<string> { "TableStorageOptions", "EmailOptions", "SendGridEventWebhookOptions", "ApprovalTokenOptions", "LinkOptions", "DirectoryOptions", "CrmOptions" },
            names.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void HostJson_EveryPercentSetting_IsSet(string scenarioName)
    {
        var settings = DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName)).AppSettings();

        Assert.All(HostJsonSettingNames(), name => Assert.True(settings.ContainsKey(name), $"host.json reads %{name}%, which no app setting provides."));
    }

    [Fact]
    public void TaskHub_IsAValidDurableTaskHubName()
    {
        var settings = AppServicePlatform.ResolvedAppSettings(DeployedInfrastructure.For(build, DeploymentScenario.Minimal));

        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", settings["MentorFlow__TaskHub"]);
    }

    [Fact]
    public void FunctionsHostStorage_IsIdentityBased_WithTheAppsIdentity()
    {
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Minimal);
        var settings = deployment.AppSettings();
        var identity = RuntimeValue.Of(deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Id);
        var storage = deployment.Single("Microsoft.Storage/storageAccounts");

        // The Functions host and the durable extension read the AzureWebJobsStorage connection: with a user-assigned
        // identity it needs the credential and the identity's client id, and no connection string at all.
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage (a connection string) must not be set: shared keys are off.");
        Assert.Equal(storage.Name, settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(identity + ".clientId", settings["AzureWebJobsStorage__clientId"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Equal($"{RuntimeValue.Of(storage.Id)}.primaryEndpoints.{service}", settings[$"AzureWebJobsStorage__{service}ServiceUri"]);
        }

        // MentorFlow's own tables: the same account, the same identity.
        Assert.Equal($"{RuntimeValue.Of(storage.Id)}.primaryEndpoints.table", settings["MentorFlow__Storage__TableServiceUri"]);
        Assert.Equal(identity + ".clientId", settings["MentorFlow__Storage__ManagedIdentityClientId"]);
        Assert.False(settings.ContainsKey("MentorFlow__Storage__ConnectionString"));
    }

    [Theory]
    [InlineData("minimal", null)]
    [InlineData("everything", "https://mentoring.example.com")]
    public void PublicBaseUrl_IsTheAppsHttpsAddress_UnlessGiven(string scenarioName, string? given)
    {
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName));
        var expected = given ?? $"https://{RuntimeValue.Of(deployment.FunctionApp().Id)}.defaultHostName";

        Assert.Equal(expected, deployment.AppSettings()["MentorFlow__PublicBaseUrl"]);
        Assert.Equal(expected, deployment.Outputs["MENTORFLOW_PUBLIC_BASE_URL"]!.GetValue<string>());
    }

    [Fact]
    public void Email_IsSentWithSendGrid()
    {
        var settings = DeployedInfrastructure.For(build, DeploymentScenario.Minimal).AppSettings();

        Assert.Equal("SendGrid", settings["MentorFlow__Email__Provider"]);
    }

    [Fact]
    public void OptionalSettings_AreAbsent_WhenNotGiven()
    {
        // An empty value is not "unset" to every option (an empty PreviousSigningKeys:0 is an invalid key).
        var settings = DeployedInfrastructure.For(build, DeploymentScenario.Minimal).AppSettings();

        Assert.DoesNotContain("MentorFlow__Approvals__PreviousSigningKeys__0", settings.Keys);
        Assert.DoesNotContain("MentorFlow__Email__SendGrid__EventWebhook__PublicKey", settings.Keys);
        Assert.DoesNotContain("MentorFlow__Email__SendGrid__BaseUrl", settings.Keys);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("MentorFlow__Crm__Salesforce__", StringComparison.Ordinal));
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("MentorFlow__Directory__File", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Directory_IsMicrosoftGraph_WithTheAppsIdentity(string scenarioName)
    {
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName));
        var settings = deployment.AppSettings();
        var identity = RuntimeValue.Of(deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Id);

        // Graph with DefaultAzureCredential: the user-assigned identity (granted User.Read.All by postprovision.sh), no secret.
        Assert.Equal("Graph", settings["MentorFlow__Directory__Provider"]);
        Assert.Equal(identity + ".clientId", settings["MentorFlow__Directory__Graph__ManagedIdentityClientId"]);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("MentorFlow__Directory__Graph__ClientSecret", StringComparison.Ordinal));
        Assert.DoesNotContain("MentorFlow__Directory__File", settings.Keys);
    }

    [Theory]
    [InlineData("minimal", "https://contoso.crm4.dynamics.com")]
    [InlineData("everything", "https://contoso.crm4.dynamics.com/")]
    public void Crm_Dataverse_UsesTheEnvironmentUrl_AndTheAppsIdentity(string scenarioName, string url)
    {
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName));
        var settings = deployment.AppSettings();
        var identity = RuntimeValue.Of(deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Id);

        Assert.Equal("Dataverse", settings["MentorFlow__Crm__Provider"]);
        Assert.Equal(url, settings["MentorFlow__Crm__Dataverse__Url"]);
        Assert.Equal(identity + ".clientId", settings["MentorFlow__Crm__Dataverse__ManagedIdentityClientId"]);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("MentorFlow__Crm__Dataverse__ClientSecret", StringComparison.Ordinal));

        // Salesforce's variables (set in "everything") change nothing: no setting, and its secret is not stored.
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("MentorFlow__Crm__Salesforce__", StringComparison.Ordinal));
        Assert.DoesNotContain(deployment.OfType("Microsoft.KeyVault/vaults/secrets"), s => s.Name.EndsWith("/salesforce-client-secret", StringComparison.Ordinal));

        // The post-provision step registers the application user in this environment.
        Assert.Equal("Dataverse", deployment.Outputs["MENTORFLOW_CRM_PROVIDER"]!.GetValue<string>());
        Assert.Equal(url, deployment.Outputs["MENTORFLOW_DATAVERSE_URL"]!.GetValue<string>());
    }

    [Fact]
    public void Crm_Salesforce_UsesTheConnectedApp_WithItsSecretInKeyVault()
    {
        var scenario = DeploymentScenario.Salesforce;
        var deployment = DeployedInfrastructure.For(build, scenario);
        var settings = deployment.AppSettings();

        Assert.Equal("Salesforce", settings["MentorFlow__Crm__Provider"]);
        Assert.Equal(scenario.Environment["SALESFORCE_INSTANCE_URL"], settings["MentorFlow__Crm__Salesforce__InstanceUrl"]);
        Assert.Equal(scenario.Environment["SALESFORCE_LOGIN_URL"], settings["MentorFlow__Crm__Salesforce__LoginUrl"]);
        Assert.Equal(scenario.Environment["SALESFORCE_CLIENT_ID"], settings["MentorFlow__Crm__Salesforce__ClientId"]);

        var reference = settings["MentorFlow__Crm__Salesforce__ClientSecret"];
        Assert.True(AppServicePlatform.IsKeyVaultReference(reference), $"MentorFlow__Crm__Salesforce__ClientSecret is not a Key Vault reference: {reference}");
        var secret = AppServicePlatform.ReferencedSecret(deployment, reference);
        Assert.NotNull(secret);
        Assert.Equal(deployment.Single("Microsoft.KeyVault/vaults").Name + "/salesforce-client-secret", secret.Name);
        Assert.Equal(scenario.Environment["SALESFORCE_CLIENT_SECRET"], secret.Properties["value"]!.GetValue<string>());

        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("MentorFlow__Crm__Dataverse__", StringComparison.Ordinal));
        Assert.Equal("Salesforce", deployment.Outputs["MENTORFLOW_CRM_PROVIDER"]!.GetValue<string>());
        Assert.Equal("", deployment.Outputs["MENTORFLOW_DATAVERSE_URL"]!.GetValue<string>());
    }

    [Fact]
    public void Crm_Salesforce_WithoutALoginUrl_UsesTheInstanceUrl()
    {
        var deployment = DeployedInfrastructure.Evaluate(build, DeploymentScenario.Salesforce.With("salesforce-no-login-url", ("SALESFORCE_LOGIN_URL", "")));
        var settings = AppServicePlatform.ResolvedAppSettings(deployment);

        Assert.DoesNotContain("MentorFlow__Crm__Salesforce__LoginUrl", settings.Keys);
        Assert.Empty(FunctionsAppStartup.Validate(settings));
    }

    [Theory]
    [InlineData("Dataverse", "DATAVERSE_URL", "dataverseUrl")]
    [InlineData("Salesforce", "SALESFORCE_INSTANCE_URL", "salesforceInstanceUrl")]
    [InlineData("Salesforce", "SALESFORCE_CLIENT_ID", "salesforceClientId")]
    [InlineData("Salesforce", "SALESFORCE_CLIENT_SECRET", "salesforceClientSecret")]
    public void Crm_ARequiredSettingMissing_FailsTheDeployment_NamingIt(string provider, string variable, string parameter)
    {
        // Without it the app would not start; the deployment stops first, naming the parameter and the azd variable.
        var scenario = (provider == "Dataverse" ? DeploymentScenario.Minimal : DeploymentScenario.Salesforce)
            .With($"{provider}-without-{variable}", (variable, ""));

        var failure = Assert.Throws<ArmDeploymentFailedException>(() => DeployedInfrastructure.Evaluate(build, scenario));

        Assert.Contains(parameter, failure.TemplateMessage, StringComparison.Ordinal);
        Assert.Contains(variable, failure.TemplateMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DATAVERSE_URL", "contoso.crm4.dynamics.com")]
    [InlineData("DATAVERSE_URL", "http://contoso.crm4.dynamics.com")]
    public void Crm_ADataverseUrlThatIsNotHttps_FailsTheDeployment(string variable, string value)
    {
        var scenario = DeploymentScenario.Minimal.With("dataverse-url-" + value, (variable, value));

        var failure = Assert.Throws<ArmDeploymentFailedException>(() => DeployedInfrastructure.Evaluate(build, scenario));

        Assert.Contains("dataverseUrl", failure.TemplateMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Crm_AnUnknownProvider_IsRefused()
    {
        var allowed = build.Template["parameters"]!["crmProvider"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>());

        Assert.Equal(["Dataverse", "Salesforce"], allowed);
        Assert.Equal("Dataverse", build.Template["parameters"]!["crmProvider"]!["defaultValue"]!.GetValue<string>());
    }

    public static TheoryData<string> Scenarios => DeploymentScenario.Names;

    /// <summary>The app settings host.json reads as %NAME%.</summary>
    private static HashSet<string> HostJsonSettingNames() =>
        PercentSetting().Matches(File.ReadAllText(RepositoryPaths.HostJson)).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static bool ResolvesToProperty(Type type, IReadOnlyList<string> path)
    {
        var current = type;
        foreach (var segment in path)
        {
            if (int.TryParse(segment, out _))
            {
                var element = current.IsArray ? current.GetElementType() : current.GetInterfaces().Append(current)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
                if (element is null || current == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(current))
                {
                    return false;
                }

                current = element;
                continue;
            }

            var property = current.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                return false;
            }

            current = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return true;
    }

    [GeneratedRegex("%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex PercentSetting();
}
