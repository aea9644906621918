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
            new HashSet<string> { "TableStorageOptions", "EmailOptions", "SendGridEventWebhookOptions", "ApprovalTokenOptions", "LinkOptions", "DirectoryOptions" },
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
