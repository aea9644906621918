using MentorFlow.Integrations.Crm;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Crm;

public sealed class CrmServiceCollectionExtensionsTests : IDisposable
{
    private readonly CrmExportFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void AddMentorFlowCrm_FileProvider_ReadsTheExport()
    {
        using var services = new CrmServices(CrmServices.Settings(
            "File",
            ("OpportunitiesFile", files.Opportunities()),
            ("QuotasFile", files.Quotas())));

        Assert.IsType<FilePerformanceSource>(services.Source);
    }

    [Fact]
    public void AddMentorFlowCrm_DataverseProvider_UsesTheWebApiClient()
    {
        using var services = new CrmServices(CrmServices.Settings("Dataverse", ("Dataverse:Url", "https://contoso.crm.dynamics.com")));

        Assert.IsType<DataversePerformanceSource>(services.Source);
    }

    [Fact]
    public void AddMentorFlowCrm_SalesforceProvider_UsesTheRestClient()
    {
        using var services = new CrmServices(CrmServices.Settings(
            "salesforce",
            ("Salesforce:InstanceUrl", "https://contoso.my.salesforce.com"),
            ("Salesforce:ClientId", "id"),
            ("Salesforce:ClientSecret", "secret")));

        Assert.IsType<SalesforcePerformanceSource>(services.Source);
    }

    [Fact]
    public void AddMentorFlowCrm_FileProviderWithoutFiles_FailsNamingBothSettings()
    {
        using var services = new CrmServices(CrmServices.Settings("File"));

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<CrmOptions>>().Value);

        Assert.Contains("Set MentorFlow:Crm:OpportunitiesFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set MentorFlow:Crm:QuotasFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorFlowCrm_MissingFile_FailsNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv");
        using var services = new CrmServices(CrmServices.Settings("File", ("OpportunitiesFile", missing), ("QuotasFile", files.Quotas())));

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<CrmOptions>>().Value);

        Assert.Contains($"MentorFlow:Crm:OpportunitiesFile names a file that does not exist: '{missing}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorFlowCrm_DataverseWithoutUrl_FailsNamingTheSetting()
    {
        using var services = new CrmServices(CrmServices.Settings("Dataverse", ("Dataverse:ClientSecret", "secret")));

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<CrmOptions>>().Value);

        Assert.Contains("Set MentorFlow:Crm:Dataverse:Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("also set MentorFlow:Crm:Dataverse:TenantId and MentorFlow:Crm:Dataverse:ClientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorFlowCrm_SalesforceWithoutCredentials_FailsNamingTheSettings()
    {
        using var services = new CrmServices(CrmServices.Settings("Salesforce", ("Salesforce:InstanceUrl", "https://contoso.my.salesforce.com")));

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<CrmOptions>>().Value);

        Assert.Contains("Set MentorFlow:Crm:Salesforce:ClientId and MentorFlow:Crm:Salesforce:ClientSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorFlowCrm_QuotaFieldThatIsNotAnApiName_Rejected()
    {
        using var services = new CrmServices(CrmServices.Settings(
            "Salesforce",
            ("Salesforce:InstanceUrl", "https://contoso.my.salesforce.com"),
            ("Salesforce:ClientId", "id"),
            ("Salesforce:ClientSecret", "secret"),
            ("Salesforce:Quota:AmountField", "QuotaAmount FROM User --")));

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<CrmOptions>>().Value);

        Assert.Contains("MentorFlow:Crm:Salesforce:Quota:AmountField must be a Salesforce API name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorFlowCrm_UnknownProvider_FailsNamingTheSetting()
    {
        using var services = new CrmServices(CrmServices.Settings("Oracle"));

        var error = Assert.Throws<InvalidOperationException>(() => services.Get<IOptions<CrmOptions>>().Value);

        Assert.Contains("MentorFlow:Crm:Provider", error.Message, StringComparison.Ordinal);
    }
}
