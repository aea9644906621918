using System.Diagnostics;
using MentorFlow.Integrations.Crm;
using MentorFlow.Workflows.Criteria;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace MentorFlow.Integrations.Tests.Crm;

/// <summary>The real Salesforce source (token flow, typed client, resilience) against a local fake of the REST API.</summary>
public sealed class SalesforcePerformanceSourceTests : IDisposable
{
    private static readonly PerformanceWindow Window = new(new DateOnly(2025, 11, 27), new DateOnly(2026, 11, 27));
    private readonly HttpFake salesforce = new();
    private CrmServices? services;

    public void Dispose()
    {
        services?.Dispose();
        salesforce.Dispose();
    }

    [Fact]
    public async Task GetOpportunitiesAsync_ThreePages_FollowsNextRecordsUrlWithOneRequestPerPage()
    {
        ServeToken();
        salesforce.Respond(Query(), HttpFake.Json(SalesforcePages.Page(4500, SalesforcePages.WonDeals(0, 2000), next: 2000)));
        salesforce.Respond(Cursor(2000), HttpFake.Json(SalesforcePages.Page(4500, SalesforcePages.WonDeals(2000, 2000), next: 4000)));
        salesforce.Respond(Cursor(4000), HttpFake.Json(SalesforcePages.Page(4500, SalesforcePages.WonDeals(4000, 500))));

        var opportunities = await Services().Source.GetOpportunitiesAsync(Window, default);

        Assert.Equal(4500, opportunities.Count);
        Assert.Equal(new Opportunity("seller0499@contoso.example", OpportunityStatus.Won, 5499m, new DateOnly(2026, 3, 15)), opportunities[^1]);
        Assert.Equal(3, Services().Counter.Requests);
        Assert.Single(salesforce.RequestsTo(SalesforcePages.TokenPath));
    }

    [Fact]
    public async Task GetOpportunitiesAsync_FirstRequest_AsksWithClientCredentialsThenQueriesInBatchesOf2000()
    {
        ServeToken();
        salesforce.Respond(Query(), HttpFake.Json(SalesforcePages.Page(0, [])));

        await Services().Source.GetOpportunitiesAsync(Window, default);

        var token = Assert.Single(salesforce.RequestsTo(SalesforcePages.TokenPath));
        Assert.Equal("POST", token.Method);
        Assert.Equal("grant_type=client_credentials&client_id=connected-app&client_secret=s3cret", token.Body);
        var query = Assert.Single(salesforce.RequestsTo(SalesforcePages.QueryPath));
        Assert.Equal("Bearer sf-token", query.Headers!["Authorization"].ToString());
        Assert.Equal("batchSize=2000", query.Headers["Sforce-Query-Options"].ToString());
        Assert.Equal(
            "SELECT Owner.Email, Amount, CloseDate, IsWon, IsClosed FROM Opportunity WHERE IsClosed = false OR (CloseDate >= 2025-11-27 AND CloseDate < 2026-11-27)",
            query.Query!["q"].ToString());
    }

    [Fact]
    public async Task GetOpportunitiesAsync_Records_MapStatusAmountAndOwner()
    {
        ServeToken();
        salesforce.Respond(Query(), HttpFake.Json(SalesforcePages.Page(5,
        [
            SalesforcePages.Opportunity("won@contoso.example", 1200.5m, "2026-03-15", isWon: true, isClosed: true),
            SalesforcePages.Opportunity("lost@contoso.example", 800m, "2026-04-02", isWon: false, isClosed: true),
            SalesforcePages.Opportunity("open@contoso.example", null, "2027-01-31", isWon: false, isClosed: false),
            SalesforcePages.Opportunity(null, 5m, "2026-03-15", isWon: true, isClosed: true),
        ])));

        var opportunities = await Services().Source.GetOpportunitiesAsync(Window, default);

        Assert.Equal(
            [
                new Opportunity("won@contoso.example", OpportunityStatus.Won, 1200.5m, new DateOnly(2026, 3, 15)),
                new Opportunity("lost@contoso.example", OpportunityStatus.Lost, 800m, new DateOnly(2026, 4, 2)),
                new Opportunity("open@contoso.example", OpportunityStatus.Open, 0m, new DateOnly(2027, 1, 31)),
            ],
            opportunities);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_429WithRetryAfter_WaitsTheAskedSecondThenReadsThePage()
    {
        ServeToken();
        salesforce.Respond(
            Query(),
            HttpFake.Throttled(retryAfterSeconds: 1),
            HttpFake.Json(SalesforcePages.Page(3, SalesforcePages.WonDeals(0, 3))));

        var stopwatch = Stopwatch.StartNew();
        var opportunities = await Services().Source.GetOpportunitiesAsync(Window, default);

        Assert.Equal(3, opportunities.Count);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(2, Services().Counter.Requests);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_500OnSecondPage_RetriesThatPageAndCarriesOn()
    {
        ServeToken();
        salesforce.Respond(Query(), HttpFake.Json(SalesforcePages.Page(4, SalesforcePages.WonDeals(0, 2), next: 2)));
        salesforce.Respond(
            Cursor(2),
            HttpFake.Status(500, """[{"message":"An unexpected error occurred.","errorCode":"UNKNOWN_EXCEPTION"}]"""),
            HttpFake.Json(SalesforcePages.Page(4, SalesforcePages.WonDeals(2, 2))));

        var opportunities = await Services().Source.GetOpportunitiesAsync(Window, default);

        Assert.Equal(4, opportunities.Count);
        Assert.Equal(3, Services().Counter.Requests);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_SessionExpired_RenewsTheTokenOnceAndRetriesThePage()
    {
        salesforce.Respond(
            Request.Create().UsingPost().WithPath(SalesforcePages.TokenPath),
            HttpFake.Json(SalesforcePages.Token(salesforce.BaseUrl, "old-token")),
            HttpFake.Json(SalesforcePages.Token(salesforce.BaseUrl, "new-token")));
        salesforce.Respond(
            Query().WithHeader("Authorization", "Bearer old-token"),
            HttpFake.Status(401, """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]"""));
        salesforce.Respond(Query().WithHeader("Authorization", "Bearer new-token"), HttpFake.Json(SalesforcePages.Page(1, SalesforcePages.WonDeals(0, 1))));

        var opportunities = await Services().Source.GetOpportunitiesAsync(Window, default);

        Assert.Single(opportunities);
        Assert.Equal(2, salesforce.RequestsTo(SalesforcePages.TokenPath).Count);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_BadQuery_FailsWithSalesforcesErrorCodeAndMessage()
    {
        ServeToken();
        salesforce.Respond(Query(), HttpFake.Status(400, """[{"message":"No such column 'Amount' on entity 'Opportunity'.","errorCode":"INVALID_FIELD"}]"""));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Services().Source.GetOpportunitiesAsync(Window, default));

        Assert.StartsWith($"Salesforce answered 400 BadRequest to GET {salesforce.BaseUrl.GetLeftPart(UriPartial.Authority)}/services/data/v62.0/query?q=SELECT Owner.Email", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": INVALID_FIELD: No such column 'Amount' on entity 'Opportunity'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_RefusedClientCredentials_FailsNamingTheSettings()
    {
        salesforce.Respond(
            Request.Create().UsingPost().WithPath(SalesforcePages.TokenPath),
            HttpFake.Status(400, """{"error":"invalid_client","error_description":"invalid client credentials"}"""));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Services().Source.GetOpportunitiesAsync(Window, default));

        Assert.Contains("invalid_client: invalid client credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("MentorFlow:Crm:Salesforce:ClientId and ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Services().Counter.Requests);
    }

    [Theory]
    [InlineData("""{"totalSize":4,"done":false,"records":[]}""", "is not done but has no nextRecordsUrl under /services/data/")]
    [InlineData("""{"totalSize":4,"done":true}""", "has no \"records\" array")]
    [InlineData("""{"totalSize":4,"done":"yes","records":[]}""", "has no \"done\" flag")]
    [InlineData("""{"totalSize":4,"done":true,"records":[{"Owner":""", "is not JSON")]
    public async Task GetOpportunitiesAsync_PageOfAnotherShape_FailsNamingThePage(string body, string problem)
    {
        ServeToken();
        salesforce.Respond(Query(), HttpFake.Json(body));

        var error = await Assert.ThrowsAsync<CrmDataException>(() => Services().Source.GetOpportunitiesAsync(Window, default));

        Assert.StartsWith($"Salesforce page {salesforce.BaseUrl.GetLeftPart(UriPartial.Authority)}/services/data/v62.0/query?q=SELECT", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_RecordsOfTheWrongShape_ReportedTogetherWithTheirIds()
    {
        ServeToken();
        salesforce.Respond(Query(), HttpFake.Json(SalesforcePages.Page(2,
        [
            SalesforcePages.Opportunity("a@contoso.example", 1m, "15/03/2026", true, true, id: "006A"),
            SalesforcePages.Opportunity("b@contoso.example", 1m, "2026-03-15", true, true, id: "006B"),
        ])));

        var error = await Assert.ThrowsAsync<CrmDataException>(() => Services().Source.GetOpportunitiesAsync(Window, default));

        Assert.Equal(["record 006A: CloseDate is not a date"], error.Problems);
    }

    [Fact]
    public async Task GetQuotasAsync_ForecastingQuota_ReadsOwnerAmountAndAQuarterFromTheStartDate()
    {
        ServeToken();
        salesforce.Respond(Query(), HttpFake.Json(SalesforcePages.Page(2,
        [
            SalesforcePages.Quota("ana@contoso.example", 250000m, "2026-01-01"),
            SalesforcePages.Quota("ben@contoso.example", 90000.5m, "2025-10-01"),
        ])));

        var quotas = await Services().Source.GetQuotasAsync(Window, default);

        Assert.Equal(
            [
                new QuotaPeriod("ana@contoso.example", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), 250000m),
                new QuotaPeriod("ben@contoso.example", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 90000.5m),
            ],
            quotas);
        Assert.Equal(
            "SELECT QuotaOwner.Email, QuotaAmount, StartDate FROM ForecastingQuota WHERE QuotaAmount != null AND StartDate <= 2026-11-26 AND StartDate >= 2025-08-27 AND (IsAmount = true)",
            Assert.Single(salesforce.RequestsTo(SalesforcePages.QueryPath)).Query!["q"].ToString());
    }

    [Fact]
    public async Task GetQuotasAsync_ConfiguredCustomObject_QueriesItsFields()
    {
        ServeToken();
        salesforce.Respond(Query(), HttpFake.Json("""
            {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Sales_Quota__c"},
             "Seller__r":{"attributes":{"type":"User"},"Email":"ana@contoso.example"},"Target__c":120000,"Period_Start__c":"2026-01-01","Period_End__c":"2026-06-30"}]}
            """));

        var quotas = await Services(
            ("Salesforce:Quota:Object", "Sales_Quota__c"),
            ("Salesforce:Quota:OwnerEmailField", "Seller__r.Email"),
            ("Salesforce:Quota:AmountField", "Target__c"),
            ("Salesforce:Quota:StartDateField", "Period_Start__c"),
            ("Salesforce:Quota:EndDateField", "Period_End__c"),
            ("Salesforce:Quota:Filter", "")).Source.GetQuotasAsync(Window, default);

        Assert.Equal([new QuotaPeriod("ana@contoso.example", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 120000m)], quotas);
        Assert.Equal(
            "SELECT Seller__r.Email, Target__c, Period_Start__c, Period_End__c FROM Sales_Quota__c WHERE Target__c != null AND Period_Start__c <= 2026-11-26 AND Period_End__c >= 2025-11-27",
            Assert.Single(salesforce.RequestsTo(SalesforcePages.QueryPath)).Query!["q"].ToString());
    }

    private CrmServices Services(params (string Key, string? Value)[] extra) =>
        services ??= new CrmServices(CrmServices.Settings(
            "Salesforce",
            [
                ("Salesforce:InstanceUrl", salesforce.BaseUrl.AbsoluteUri),
                ("Salesforce:ClientId", "connected-app"),
                ("Salesforce:ClientSecret", "s3cret"),
                .. extra,
            ]));

    private void ServeToken() =>
        salesforce.Respond(Request.Create().UsingPost().WithPath(SalesforcePages.TokenPath), HttpFake.Json(SalesforcePages.Token(salesforce.BaseUrl)));

    private static IRequestBuilder Query() => Request.Create().UsingGet().WithPath(SalesforcePages.QueryPath);

    private static IRequestBuilder Cursor(int read) =>
        Request.Create().UsingGet().WithPath(new ExactMatcher($"{SalesforcePages.CursorPath}-{read}"));
}
