using MentorFlow.Infra.Tests.Arm;
using MentorFlow.Infra.Tests.Bicep;
using MentorFlow.Infra.Tests.Deployment;

namespace MentorFlow.Infra.Tests;

/// <summary>The app's identity gets exactly the data roles it uses, each once, all declared in infra/app/rbac.bicep.</summary>
[Collection(BicepBuildCollection.Name)]
public sealed class RoleAssignmentTests(BicepBuild build)
{
    // Built-in role definition ids.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    private const string Contributor = "b24988ac-6180-42dd-b7c6-c59ee0a7b4bd";
    private const string UserAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    private const string RoleBasedAccessControlAdministrator = "f58310d9-a9f6-439a-9e8d-f62e7b41a168";

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void AppIdentity_GetsEachRoleItUses_OnItsResource(string scenarioName)
    {
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName));
        var storage = deployment.Single("Microsoft.Storage/storageAccounts");
        var vault = deployment.Single("Microsoft.KeyVault/vaults");
        var insights = deployment.Single("Microsoft.Insights/components");

        (string Role, ArmResource On)[] expected =
        [
            (StorageBlobDataOwner, storage),        // host leases and blobs, durable large messages, the deployment package
            (StorageQueueDataContributor, storage), // durable control and work-item queues
            (StorageTableDataContributor, storage), // durable history and instances, MentorFlow's tables
            (KeyVaultSecretsUser, vault),           // Key Vault references in app settings
            (MonitoringMetricsPublisher, insights), // Application Insights with Entra authentication
        ];

        var actual = AssignmentsTo(deployment, AppPrincipal(deployment)).Select(a => (a.Role, a.Scope)).ToList();
        Assert.Equal(
            expected.Select(e => (e.Role, Scope: e.On.Id)).OrderBy(e => e.Role),
            actual.OrderBy(a => a.Role));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void NoPrincipal_GetsOwnerContributorOrAccessAdministration(string scenarioName)
    {
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName));
        string[] forbidden = [Owner, Contributor, UserAccessAdministrator, RoleBasedAccessControlAdministrator];

        Assert.All(Assignments(deployment), a => Assert.DoesNotContain(a.Role, forbidden));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void RoleAssignments_AreAllInRbacBicep_WithDistinctNames(string scenarioName)
    {
        var deployment = DeployedInfrastructure.For(build, DeploymentScenario.Named(scenarioName));
        var assignments = deployment.OfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.All(assignments, a => Assert.Equal("rbac", a.Deployment.Name));
        Assert.Equal(assignments.Count, assignments.Select(a => a.Name).Distinct().Count());
        Assert.All(assignments, a => Assert.True(Guid.TryParse(a.Name, out _), $"{a.Name} is not a guid()"));
    }

    [Fact]
    public void RbacBicep_NamesEachAssignmentWithGuidOfScopePrincipalAndRole_AndNamesTheRole()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "app", "rbac.bicep"));
        var blocks = text.Split("resource ").Skip(1).Where(b => b.Contains("Microsoft.Authorization/roleAssignments", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.Matches(@"name: guid\(\w+\.id, \w+, roles\.\w+\)", b));
        // Each role id in the roles table carries its role's name in a comment.
        Assert.All(
            text.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'")),
            l => Assert.Matches(@"// [A-Z][A-Za-z ]+:", l));
    }

    [Fact]
    public void Developer_GetsDataRoles_OnlyWhenAsked()
    {
        var minimal = DeployedInfrastructure.For(build, DeploymentScenario.Minimal);
        var everything = DeployedInfrastructure.For(build, DeploymentScenario.Everything);
        var developer = DeploymentScenario.Everything.Environment["AZURE_PRINCIPAL_ID"];

        Assert.All(Assignments(minimal), a => Assert.Equal(AppPrincipal(minimal), a.Principal));
        var developerRoles = AssignmentsTo(everything, developer).Select(a => a.Role).Order().ToList();
        Assert.Equal(new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, KeyVaultSecretsUser }.Order(), developerRoles);
    }

    public static TheoryData<string> Scenarios => DeploymentScenario.Names;

    private static string AppPrincipal(ArmDeployment deployment) =>
        RuntimeValue.Of(deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Id) + ".principalId";

    private static IEnumerable<(string Role, string Principal, string Scope)> Assignments(ArmDeployment deployment) =>
        deployment.OfType("Microsoft.Authorization/roleAssignments").Select(a =>
        (
            Role: a.Property("roleDefinitionId")!.GetValue<string>().Split('/')[^1],
            Principal: a.Property("principalId")!.GetValue<string>(),
            Scope: a.Scope ?? throw new InvalidOperationException($"{a} has no scope: it would apply to the whole resource group.")));

    private static IEnumerable<(string Role, string Principal, string Scope)> AssignmentsTo(ArmDeployment deployment, string principal) =>
        Assignments(deployment).Where(a => a.Principal == principal);
}
