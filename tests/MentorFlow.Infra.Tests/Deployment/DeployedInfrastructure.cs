using System.Collections.Concurrent;
using MentorFlow.Infra.Tests.Arm;
using MentorFlow.Infra.Tests.Bicep;

namespace MentorFlow.Infra.Tests.Deployment;

/// <summary>What infra/main.bicep would deploy for a scenario: the compiled template evaluated with its parameters.</summary>
public static class DeployedInfrastructure
{
    private static readonly ConcurrentDictionary<string, ArmDeployment> Cache = new();

    public static ArmDeployment For(BicepBuild build, DeploymentScenario scenario) =>
        Cache.GetOrAdd(scenario.Name, _ => Evaluate(build, scenario));

    /// <summary>Evaluates a scenario afresh (not cached); throws <see cref="ArmDeploymentFailedException"/> when the template fails it.</summary>
    public static ArmDeployment Evaluate(BicepBuild build, DeploymentScenario scenario)
    {
        Assert.True(build.ExitCode == 0, "bicep build failed:\n" + string.Join('\n', build.Diagnostics));
        var parameters = AzdParameters.Resolve(build.Template, scenario.Environment);
        return new ArmTemplateEvaluator(DeploymentScenario.SubscriptionId, DeploymentScenario.TenantId)
            .Evaluate(build.Template, parameters, DeploymentScenario.Location);
    }

    /// <summary>The Function App.</summary>
    public static ArmResource FunctionApp(this ArmDeployment deployment) => deployment.Single("Microsoft.Web/sites");

    /// <summary>The app settings exactly as deployed (Key Vault references and runtime values unresolved).</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(this ArmDeployment deployment)
    {
        var config = deployment.OfType("Microsoft.Web/sites/config").Single(c => c.Name.EndsWith("/appsettings", StringComparison.OrdinalIgnoreCase));
        return config.Properties.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    }
}
