using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MentorFlow.Integrations.CompanyDirectory;
using MentorFlow.Integrations.Tests.Crm;
using MentorFlow.Workflows.CompanyDirectory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace MentorFlow.Integrations.Tests.CompanyDirectory;

/// <summary>The real Graph SDK client (default middleware, configured retry handler) against a local fake of /v1.0/users.</summary>
public sealed class GraphDirectoryTests : IDisposable
{
    private const string UsersPath = "/v1.0/users";
    private readonly HttpFake graph = new();
    private readonly GraphRequestCounter counter = new();
    private readonly List<IDisposable> clients = [];

    public void Dispose()
    {
        clients.ForEach(c => c.Dispose());
        graph.Dispose();
    }

    [Fact]
    public async Task ListUsersAsync_2500Users_ReadsThreePagesOf999WithOneRequestEach()
    {
        ServePages(GraphUsers.Page(GraphUsers.Range(0, 999), NextLink(2)), GraphUsers.Page(GraphUsers.Range(999, 999), NextLink(3)), GraphUsers.Page(GraphUsers.Range(1998, 502)));

        var users = await Directory().ListUsersAsync(default);

        Assert.Equal(2500, users.Count);
        Assert.Equal("user2499", users[^1].Id);
        Assert.Equal(3, counter.Requests);
        Assert.Equal(3, graph.RequestsTo(UsersPath).Count);
    }

    [Fact]
    public async Task ListUsersAsync_FirstRequest_SelectsOnlyTheUsedPropertiesAndExpandsManagerIds()
    {
        ServePages(GraphUsers.Page([]));

        await Directory().ListUsersAsync(default);

        var query = Uri.UnescapeDataString(Assert.Single(graph.Requests).RawQuery!);
        Assert.Contains("$top=999", query, StringComparison.Ordinal);
        Assert.Contains("$select=id,displayName,mail,userPrincipalName,jobTitle,department,country,officeLocation,employeeHireDate,accountEnabled", query, StringComparison.Ordinal);
        Assert.Contains("$expand=manager($select=id)", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindByEmailAsync_GraphUser_MapsEveryPropertyFromTheLoadedList()
    {
        ServePages(GraphUsers.Page(
        [
            GraphUsers.User("1", "Morgan Boss", mail: "morgan@contoso.example"),
            GraphUsers.User("2", "Ana Seller", mail: null, upn: "Ana@contoso.example", manager: "1", enabled: false),
        ]));
        var directory = Directory();

        var ana = await directory.FindByEmailAsync("ana@CONTOSO.example", default);
        var manager = await directory.FindManagerAsync("ana@contoso.example", default);
        var nobody = await directory.FindManagerAsync("morgan@contoso.example", default);

        Assert.Equal(
            new DirectoryUser("2", "Ana Seller", null, "Ana@contoso.example", "Account Executive", "Sales", "US", "Austin", new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero), false, "1"),
            ana);
        Assert.Equal("morgan@contoso.example", manager!.Email);
        Assert.Null(nobody);
        Assert.Equal(1, counter.Requests);
    }

    [Fact]
    public async Task ListUsersAsync_ConcurrentCallers_ShareOneLoad()
    {
        ServePages(GraphUsers.Page(GraphUsers.Range(0, 999), NextLink(2)), GraphUsers.Page(GraphUsers.Range(999, 10)));
        var directory = Directory();

        var loads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => directory.ListUsersAsync(default)));

        Assert.All(loads, users => Assert.Equal(1009, users.Count));
        Assert.Equal(2, counter.Requests);
    }

    [Fact]
    public async Task ListUsersAsync_CacheExpired_LoadsAgain()
    {
        ServePages(GraphUsers.Page(GraphUsers.Range(0, 3)));
        var directory = Directory(new GraphDirectoryOptions { CacheDuration = TimeSpan.Zero });

        await directory.ListUsersAsync(default);
        await directory.ListUsersAsync(default);

        Assert.Equal(2, counter.Requests);
    }

    [Fact]
    public async Task ListUsersAsync_429WithRetryAfter_TheSdkWaitsTheAskedSecondAndRetries()
    {
        graph.Respond(FirstPage(), HttpFake.Throttled(retryAfterSeconds: 1), HttpFake.Json(GraphUsers.Page(GraphUsers.Range(0, 5))));

        var stopwatch = Stopwatch.StartNew();
        var users = await Directory().ListUsersAsync(default);

        Assert.Equal(5, users.Count);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(2, counter.Requests);
        Assert.Equal("1", graph.Requests[^1].Headers!["Retry-Attempt"].ToString());
    }

    [Fact]
    public async Task ListUsersAsync_500OnSecondPage_RetriesThatPageAndCarriesOn()
    {
        graph.Respond(FirstPage(), HttpFake.Json(GraphUsers.Page(GraphUsers.Range(0, 999), NextLink(2))));
        graph.Respond(
            PageToken(2),
            HttpFake.Status(500, """{"error":{"code":"generalException","message":"General exception while processing."}}"""),
            HttpFake.Json(GraphUsers.Page(GraphUsers.Range(999, 1))));

        var users = await Directory().ListUsersAsync(default);

        Assert.Equal(1000, users.Count);
        Assert.Equal(3, counter.Requests);
    }

    [Fact]
    public async Task ListUsersAsync_ThrottledPastTheRetries_FailsSayingSo()
    {
        graph.Respond(FirstPage(), HttpFake.Status(503, """{"error":{"code":"serviceNotAvailable","message":"Service unavailable."}}"""));

        var error = await Assert.ThrowsAsync<GraphDirectoryException>(() => Directory(new GraphDirectoryOptions { MaxRetries = 2 }).ListUsersAsync(default));

        Assert.StartsWith($"Microsoft Graph still answered 503 to GET {graph.BaseUrl.GetLeftPart(UriPartial.Authority)}/v1.0/users?", error.Message, StringComparison.Ordinal);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, counter.Requests);
    }

    [Fact]
    public async Task ListUsersAsync_Forbidden_FailsWithGraphsErrorAndThePermissionNeeded()
    {
        graph.Respond(FirstPage(), HttpFake.Status(403, """{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}"""));

        var error = await Assert.ThrowsAsync<GraphDirectoryException>(() => Directory().ListUsersAsync(default));

        Assert.Contains(
            "Authorization_RequestDenied: Insufficient privileges to complete the operation. (the app needs the User.Read.All application permission)",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal(1, counter.Requests);
    }

    [Fact]
    public async Task ListUsersAsync_TruncatedSecondPage_FailsNamingThatPage()
    {
        graph.Respond(FirstPage(), HttpFake.Json(GraphUsers.Page(GraphUsers.Range(0, 999), NextLink(2))));
        graph.Respond(PageToken(2), HttpFake.Json("""{"value":[{"id":"user999","displayName":"Half"""));

        var error = await Assert.ThrowsAsync<GraphDirectoryException>(() => Directory().ListUsersAsync(default));

        Assert.StartsWith($"Microsoft Graph page {NextLink(2)} could not be read as users:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"@odata.context":"x"}""", "has no \"value\" array of users")]
    [InlineData("""{"value":[{"displayName":"No Id"}]}""", "has a user without an id")]
    [InlineData("""{"value":[5]}""", "has a user without an id")]
    [InlineData("""<html><body>Proxy error</body></html>""", "could not be read as users", "text/html")]
    public async Task ListUsersAsync_PageOfAnotherShape_FailsSayingWhat(string body, string problem, string contentType = "application/json")
    {
        graph.Respond(FirstPage(), HttpFake.Status(200, body, contentType));

        var error = await Assert.ThrowsAsync<GraphDirectoryException>(() => Directory().ListUsersAsync(default));

        Assert.StartsWith($"Microsoft Graph page {graph.BaseUrl.GetLeftPart(UriPartial.Authority)}/v1.0/users?", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListUsersAsync_NextLinkToAnotherHost_Refused()
    {
        graph.Respond(FirstPage(), HttpFake.Json(GraphUsers.Page(GraphUsers.Range(0, 1), "https://elsewhere.example/v1.0/users?$skiptoken=x")));

        var error = await Assert.ThrowsAsync<GraphDirectoryException>(() => Directory().ListUsersAsync(default));

        Assert.Contains("has an @odata.nextLink 'https://elsewhere.example/v1.0/users?$skiptoken=x' that is not an absolute URL on", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, counter.Requests);
    }

    private GraphDirectory Directory(GraphDirectoryOptions? options = null)
    {
        options ??= new GraphDirectoryOptions();
        options.BaseUrl = new Uri(graph.BaseUrl, "/v1.0");
        options.RetryDelaySeconds = 0;
        var client = GraphDirectory.CreateClient(options, new AnonymousAuthenticationProvider(), counter);
        clients.Add(client);
        return new GraphDirectory(client, Options.Create(new DirectoryOptions { Provider = "Graph", Graph = options }), TimeProvider.System, NullLogger<GraphDirectory>.Instance);
    }

    private void ServePages(params string[] pages)
    {
        graph.Respond(FirstPage(), HttpFake.Json(pages[0]));
        for (var page = 2; page <= pages.Length; page++)
        {
            graph.Respond(PageToken(page), HttpFake.Json(pages[page - 1]));
        }
    }

    /// <summary>A nextLink as Graph writes it: the query again with an opaque skip token.</summary>
    private string NextLink(int page) => graph.Url(
        $"/v1.0/users?$top=999&$select=id,displayName,mail,userPrincipalName,jobTitle,department,country,officeLocation,employeeHireDate,accountEnabled&$expand=manager($select%3did)&$skiptoken=RFNwdAIAAQAAABdVc2VyX{page}");

    private static IRequestBuilder FirstPage() =>
        Request.Create().UsingGet().WithPath(UsersPath).WithParam("$skiptoken", MatchBehaviour.RejectOnMatch);

    private static IRequestBuilder PageToken(int page) =>
        Request.Create().UsingGet().WithPath(UsersPath).WithParam("$skiptoken", $"RFNwdAIAAQAAABdVc2VyX{page}");

    /// <summary>Graph users shaped as /v1.0/users answers with $select and $expand=manager($select=id).</summary>
    private static class GraphUsers
    {
        public static JsonObject User(string id, string name, string? mail = "x@contoso.example", string? upn = null, string? manager = null, bool enabled = true) => new()
        {
            ["id"] = id,
            ["displayName"] = name,
            ["mail"] = mail,
            ["userPrincipalName"] = upn ?? $"{id}@contoso.onmicrosoft.com",
            ["jobTitle"] = "Account Executive",
            ["department"] = "Sales",
            ["country"] = "US",
            ["officeLocation"] = "Austin",
            ["employeeHireDate"] = "2021-03-01T00:00:00Z",
            ["accountEnabled"] = enabled,
            ["manager"] = manager is null ? null : new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = manager },
        };

        public static IEnumerable<JsonObject> Range(int first, int count) =>
            Enumerable.Range(first, count).Select(i => User(
                string.Create(CultureInfo.InvariantCulture, $"user{i}"),
                string.Create(CultureInfo.InvariantCulture, $"User {i}"),
                mail: string.Create(CultureInfo.InvariantCulture, $"user{i}@contoso.example"),
                manager: i == 0 ? null : "user0"));

        public static string Page(IEnumerable<JsonObject> users, string? nextLink = null)
        {
            var page = new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName,jobTitle,department,country,officeLocation,employeeHireDate,accountEnabled,manager(id))",
                ["value"] = new JsonArray([.. users]),
            };
            if (nextLink is not null)
            {
                page["@odata.nextLink"] = nextLink;
            }

            return page.ToJsonString();
        }
    }
}
