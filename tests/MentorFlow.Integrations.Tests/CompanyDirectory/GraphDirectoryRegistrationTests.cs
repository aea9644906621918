using MentorFlow.Integrations.CompanyDirectory;
using MentorFlow.Integrations.Tests.Crm;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using TokenCredential = Azure.Core.TokenCredential;

namespace MentorFlow.Integrations.Tests.CompanyDirectory;

/// <summary><c>AddMentorFlowDirectory()</c> choosing the directory by <c>MentorFlow:Directory:Provider</c>.</summary>
public sealed class GraphDirectoryRegistrationTests : IDisposable
{
    private readonly HttpFake graph = new();
    private readonly FakeTokenCredential credential = new("graph-token");

    public void Dispose() => graph.Dispose();

    [Fact]
    public async Task AddMentorFlowDirectory_GraphProvider_ReadsGraphWithTheCredentialsTokenAndCountsRequests()
    {
        graph.Respond(
            Request.Create().UsingGet().WithPath("/v1.0/users"),
            HttpFake.Json("""{"value":[{"id":"1","displayName":"Ana Seller","mail":"ana@contoso.example","accountEnabled":true}]}"""));
        using var services = Build(new()
        {
            ["MentorFlow:Directory:Provider"] = "Graph",
            ["MentorFlow:Directory:Graph:BaseUrl"] = new Uri(graph.BaseUrl, "/v1.0").AbsoluteUri,
        });

        var directory = services.GetRequiredService<IDirectory>();
        var ana = await directory.FindByEmailAsync("ana@contoso.example", default);

        Assert.IsType<GraphDirectory>(directory);
        Assert.Equal("Ana Seller", ana!.DisplayName);
        Assert.Equal("Bearer graph-token", Assert.Single(graph.Requests).Headers!["Authorization"].ToString());
        Assert.Equal([$"http://{graph.BaseUrl.Host}/.default"], credential.Scopes.Distinct());
        Assert.Equal(1, services.GetRequiredService<GraphRequestCounter>().Requests);
    }

    [Fact]
    public void AddMentorFlowDirectory_NoProvider_IsTheSavedExportFile()
    {
        using var services = Build([]);

        Assert.IsType<FileDirectory>(services.GetRequiredService<IDirectory>());
    }

    [Fact]
    public void AddMentorFlowDirectory_UnknownProvider_FailsNamingTheChoices()
    {
        using var services = Build(new() { ["MentorFlow:Directory:Provider"] = "Ldap" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DirectoryOptions>>().Value);

        Assert.Contains("MentorFlow:Directory:Provider must be 'File' (a saved Graph export) or 'Graph' (Microsoft Graph).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorFlowDirectory_GraphSecretWithoutTenant_FailsNamingTheSettings()
    {
        using var services = Build(new()
        {
            ["MentorFlow:Directory:Provider"] = "graph",
            ["MentorFlow:Directory:Graph:ClientSecret"] = "secret",
            ["MentorFlow:Directory:Graph:RetryDelaySeconds"] = "600",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DirectoryOptions>>().Value);

        Assert.Contains("also set MentorFlow:Directory:Graph:TenantId and MentorFlow:Directory:Graph:ClientId", error.Message, StringComparison.Ordinal);
        Assert.Contains("MentorFlow:Directory:Graph:RetryDelaySeconds must be between 0 and 180", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddKeyedSingleton<TokenCredential>(GraphDirectory.ServiceKey, credential);
        services.AddMentorFlowDirectory();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
