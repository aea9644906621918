using MentorFlow.Infra.Tests.Bicep;
using MentorFlow.Infra.Tests.Deployment;

namespace MentorFlow.Infra.Tests;

/// <summary>The storage account (runtime, task hub, tables, deployment package) takes Microsoft Entra ID only, over TLS 1.2.</summary>
[Collection(BicepBuildCollection.Name)]
public sealed class StorageAccountTests(BicepBuild build)
{
    private Arm.ArmResource Storage => DeployedInfrastructure.For(build, DeploymentScenario.Minimal).Single("Microsoft.Storage/storageAccounts");

    [Fact]
    public void SharedKeyAccess_IsDisabled() => Assert.False(Storage.Property("allowSharedKeyAccess")!.GetValue<bool>());

    [Fact]
    public void Traffic_IsHttpsOnly() => Assert.True(Storage.Property("supportsHttpsTrafficOnly")!.GetValue<bool>());

    [Fact]
    public void MinimumTls_Is12() => Assert.Equal("TLS1_2", Storage.Property("minimumTlsVersion")!.GetValue<string>());

    [Fact]
    public void PublicBlobAccess_IsDisabled() => Assert.False(Storage.Property("allowBlobPublicAccess")!.GetValue<bool>());

    [Fact]
    public void Containers_AreAllPrivate()
    {
        var containers = DeployedInfrastructure.For(build, DeploymentScenario.Minimal).OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal("None", c.Property("publicAccess")!.GetValue<string>()));
    }
}
