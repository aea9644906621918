using MentorFlow.Local.Hosting;
using MentorFlow.Workflows;
using MentorFlow.Workflows.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;

namespace MentorFlow.Functions.Tests;

/// <summary>
/// The two hosts cannot drift: every orchestrator, activity and HTTP route the local host registers is a function
/// of the published Functions app with the same trigger, route and methods, and the other way round.
/// </summary>
public sealed class HostParityTests(PublishedFunctionsApp published) : IClassFixture<PublishedFunctionsApp>
{
    [Fact]
    public void Publish_Output_HasWhatAzureFunctionsNeeds()
    {
        foreach (var file in new[] { "functions.metadata", "host.json", "extensions.json", "worker.config.json", "MentorFlow.Functions.dll" })
        {
            Assert.True(File.Exists(Path.Combine(published.Folder, file)), $"{file} is missing from the publish folder.");
        }
    }

    [Fact]
    public void Publish_Output_CarriesTheMatchingSolverForLinuxX64Only()
    {
        // Flex Consumption runs Linux x64: the solver's native library sits next to the app, no other platform's does.
        Assert.True(File.Exists(Path.Combine(published.Folder, "libortools.so.9")), "OR-Tools' Linux x64 library is missing.");
        Assert.False(Directory.Exists(Path.Combine(published.Folder, "runtimes", "win-x64")), "Windows native libraries were published.");
        Assert.False(Directory.Exists(Path.Combine(published.Folder, "runtimes", "osx-arm64")), "macOS native libraries were published.");
    }

    [Fact]
    public void HostJson_Published_UsesTheApiRoutePrefixTheLocalHostServes()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(published.Folder, "host.json")))!;

        Assert.Equal(ApiRoutes.Prefix, host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }

    [Fact]
    public void Metadata_EveryOrchestratorTheLocalHostRuns_IsAnOrchestrationTrigger()
    {
        Assert.NotEmpty(WorkflowCatalog.Orchestrators);
        foreach (var orchestrator in WorkflowCatalog.Orchestrators)
        {
            var function = published.Function(orchestrator.Name);
            Assert.True(function is not null, $"The Functions app has no function '{orchestrator.Name}'.");
            Assert.Equal("orchestrationTrigger", PublishedFunctionsApp.Trigger(function)["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Metadata_EveryActivityTheLocalHostRuns_IsAnActivityTrigger()
    {
        Assert.NotEmpty(WorkflowCatalog.Activities);
        foreach (var activity in WorkflowCatalog.Activities)
        {
            var function = published.Function(activity.Name);
            Assert.True(function is not null, $"The Functions app has no function '{activity.Name}'.");
            Assert.Equal("activityTrigger", PublishedFunctionsApp.Trigger(function)["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Metadata_DurableFunctions_AreExactlyTheWorkflowCatalog()
    {
        var durable = published.Metadata
            .Select(f => f!.AsObject())
            .Where(f => PublishedFunctionsApp.Trigger(f)["type"]!.GetValue<string>() is "orchestrationTrigger" or "activityTrigger")
            .Select(f => f["name"]!.GetValue<string>())
            .Order();

        Assert.Equal(WorkflowCatalog.Orchestrators.Concat(WorkflowCatalog.Activities).Select(t => t.Name).Order(), durable);
    }

    [Fact]
    public async Task Metadata_HttpRoutes_MatchTheLocalHostsEndpoints()
    {
        var local = await LocalEndpointsAsync();
        var functions = published.Metadata
            .Select(f => f!.AsObject())
            .Select(f => (Function: f, Trigger: PublishedFunctionsApp.Trigger(f)))
            .Where(x => x.Trigger["type"]!.GetValue<string>() == "httpTrigger")
            .Select(x => (
                Route: $"/{ApiRoutes.Prefix}/{x.Trigger["route"]!.GetValue<string>()}",
                Methods: string.Join(",", x.Trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).Order()),
                Anonymous: x.Trigger["authLevel"]!.GetValue<string>().Equals("Anonymous", StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Route).ThenBy(x => x.Methods)
            .ToList();

        Assert.Equal(local, functions);
    }

    /// <summary>The routes the real local host maps, read from its endpoint data sources (nothing is started).</summary>
    private static async Task<List<(string Route, string Methods, bool Anonymous)>> LocalEndpointsAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "mentorflow-parity-" + Guid.NewGuid().ToString("N"));
        try
        {
            var builder = WebApplication.CreateBuilder(
            [
                $"--MentorFlow:DataDirectory={data}",
                "--MentorFlow:Storage:ConnectionString=UseDevelopmentStorage=true",
                "--MentorFlow:ApiKey=parity",
            ]);
            await using var storage = await builder.AddMentorFlowLocalHostAsync();
            await using var app = builder.Build();
            app.UseMentorFlowLocalHost();

            return ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(d => d.Endpoints)
                .OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<LocalOnlyRoute>() is null)
                .Select(e => (
                    Route: e.RoutePattern.RawText!,
                    Methods: string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Order()),
                    Anonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
                .OrderBy(x => x.Route).ThenBy(x => x.Methods)
                .ToList();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
