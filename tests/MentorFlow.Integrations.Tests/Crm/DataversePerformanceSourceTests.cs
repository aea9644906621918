using System.Diagnostics;
using MentorFlow.Integrations.Crm;
using MentorFlow.Workflows.Criteria;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace MentorFlow.Integrations.Tests.Crm;

/// <summary>The real Dataverse source (typed client, resilience, token handler) against a local fake of the Web API.</summary>
public sealed class DataversePerformanceSourceTests : IDisposable
{
    private static readonly PerformanceWindow Window = new(new DateOnly(2025, 11, 27), new DateOnly(2026, 11, 27));
    private readonly HttpFake dataverse = new();
    private readonly FakeTokenCredential credential = new("dataverse-token");
    private readonly CrmServices services;

    public DataversePerformanceSourceTests() =>
        services = new CrmServices(CrmServices.Settings("Dataverse", ("Dataverse:Url", dataverse.BaseUrl.AbsoluteUri)), credential);

    public void Dispose()
    {
        services.Dispose();
        dataverse.Dispose();
    }

    [Fact]
    public async Task GetOpportunitiesAsync_ThreePages_FollowsNextLinksWithOneRequestPerPage()
    {
        ServeOpportunityPages(
            DataversePages.Page("opportunities", DataversePages.WonDeals(0, 5000), dataverse.Url(DataversePages.NextLinkQuery(DataversePages.OpportunitiesPath, 2))),
            DataversePages.Page("opportunities", DataversePages.WonDeals(5000, 5000), dataverse.Url(DataversePages.NextLinkQuery(DataversePages.OpportunitiesPath, 3))),
            DataversePages.Page("opportunities", DataversePages.WonDeals(10000, 2000)));

        var opportunities = await services.Source.GetOpportunitiesAsync(Window, default);

        Assert.Equal(12_000, opportunities.Count);
        Assert.Equal(1000m + 11_999, opportunities[^1].Amount);
        Assert.Equal(3, services.Counter.Requests);
        Assert.Equal(3, dataverse.RequestsTo(DataversePages.OpportunitiesPath).Count);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_FirstRequest_SelectsExpandsFiltersAndAsksForPagesOf5000WithTheToken()
    {
        ServeOpportunityPages(DataversePages.Page("opportunities", []));

        await services.Source.GetOpportunitiesAsync(Window, default);

        var request = Assert.Single(dataverse.Requests);
        Assert.Equal(DataversePages.OpportunitiesPath, request.Path);
        Assert.Equal("odata.maxpagesize=5000", request.Headers!["Prefer"].ToString());
        Assert.Equal("Bearer dataverse-token", request.Headers["Authorization"].ToString());
        Assert.Equal("4.0", request.Headers["OData-Version"].ToString());
        var query = Uri.UnescapeDataString(request.RawQuery!);
        Assert.Contains("$select=opportunityid,statecode,estimatedvalue,estimatedvalue_base,actualvalue,actualvalue_base,estimatedclosedate,actualclosedate", query, StringComparison.Ordinal);
        Assert.Contains("$expand=owninguser($select=internalemailaddress)", query, StringComparison.Ordinal);
        Assert.Contains(
            "$filter=statecode eq 0 or (Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='actualclosedate',PropertyValue='2025-11-26') and Microsoft.Dynamics.CRM.OnOrBefore(PropertyName='actualclosedate',PropertyValue='2026-11-27'))",
            query,
            StringComparison.Ordinal);
        Assert.Equal([$"{dataverse.BaseUrl.GetLeftPart(UriPartial.Authority)}/.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task GetOpportunitiesAsync_Records_MapStateAmountDateAndOwner()
    {
        ServeOpportunityPages(DataversePages.Page("opportunities",
        [
            DataversePages.Opportunity(1, owner: "won@contoso.example", estimated: 900m, actual: 1200.50m, actualClose: "2026-03-15"),
            DataversePages.Opportunity(2, owner: "lost@contoso.example", estimated: 800m, estimatedClose: "2026-04-30", actualClose: "2026-04-02"),
            DataversePages.Opportunity(0, owner: "open@contoso.example", estimated: 700m, estimatedClose: "2027-01-31"),
            DataversePages.Opportunity(0, owner: "undated@contoso.example", estimated: null, estimatedClose: null),
            DataversePages.Opportunity(1, owner: "estimated-only@contoso.example", estimated: 600m, estimatedClose: "2026-05-05T00:00:00Z"),
            DataversePages.Opportunity(1, owner: null, actual: 5m, actualClose: "2026-03-15"),
        ]));

        var opportunities = await services.Source.GetOpportunitiesAsync(Window, default);

        Assert.Equal(
            [
                new Opportunity("won@contoso.example", OpportunityStatus.Won, 1200.50m, new DateOnly(2026, 3, 15)),
                new Opportunity("lost@contoso.example", OpportunityStatus.Lost, 800m, new DateOnly(2026, 4, 2)),
                new Opportunity("open@contoso.example", OpportunityStatus.Open, 700m, new DateOnly(2027, 1, 31)),
                new Opportunity("undated@contoso.example", OpportunityStatus.Open, 0m, DateOnly.MaxValue),
                new Opportunity("estimated-only@contoso.example", OpportunityStatus.Won, 600m, new DateOnly(2026, 5, 5)),
            ],
            opportunities);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_429WithRetryAfter_WaitsTheAskedSecondThenReadsThePage()
    {
        dataverse.Respond(
            FirstPage(DataversePages.OpportunitiesPath),
            HttpFake.Throttled(retryAfterSeconds: 1),
            HttpFake.Json(DataversePages.Page("opportunities", DataversePages.WonDeals(0, 3))));

        var stopwatch = Stopwatch.StartNew();
        var opportunities = await services.Source.GetOpportunitiesAsync(Window, default);

        Assert.Equal(3, opportunities.Count);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(2, services.Counter.Requests);
        Assert.All(dataverse.Requests, r => Assert.Equal("Bearer dataverse-token", r.Headers!["Authorization"].ToString()));
    }

    [Fact]
    public async Task GetOpportunitiesAsync_500OnSecondPage_RetriesThatPageAndCarriesOn()
    {
        var second = dataverse.Url(DataversePages.NextLinkQuery(DataversePages.OpportunitiesPath, 2));
        dataverse.Respond(FirstPage(DataversePages.OpportunitiesPath), HttpFake.Json(DataversePages.Page("opportunities", DataversePages.WonDeals(0, 2), second)));
        dataverse.Respond(
            PageNumber(DataversePages.OpportunitiesPath, 2),
            HttpFake.Status(500, """{"error":{"code":"0x80040216","message":"An unexpected error occurred."}}"""),
            HttpFake.Json(DataversePages.Page("opportunities", DataversePages.WonDeals(2, 2))));

        var opportunities = await services.Source.GetOpportunitiesAsync(Window, default);

        Assert.Equal(4, opportunities.Count);
        Assert.Equal(3, services.Counter.Requests);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_503EveryTime_FailsAfterTheRetriesWithDataversesMessage()
    {
        dataverse.Respond(FirstPage(DataversePages.OpportunitiesPath), HttpFake.Status(503, """{"error":{"code":"0x80072321","message":"The service is busy."}}"""));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => services.Source.GetOpportunitiesAsync(Window, default));

        Assert.StartsWith($"Dataverse answered 503 ServiceUnavailable (after retrying) to GET {dataverse.BaseUrl.GetLeftPart(UriPartial.Authority)}/api/data/v9.2/opportunities?$select=", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": The service is busy. (code 0x80072321)", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, services.Counter.Requests);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_Forbidden_FailsAtOnceWithDataversesMessage()
    {
        dataverse.Respond(FirstPage(DataversePages.OpportunitiesPath), HttpFake.Status(403, """{"error":{"code":"0x80040220","message":"Principal user is missing prvReadOpportunity privilege."}}"""));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => services.Source.GetOpportunitiesAsync(Window, default));

        Assert.Contains("Principal user is missing prvReadOpportunity privilege.", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, services.Counter.Requests);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_TruncatedSecondPage_FailsNamingThatPage()
    {
        var second = dataverse.Url(DataversePages.NextLinkQuery(DataversePages.OpportunitiesPath, 2));
        dataverse.Respond(FirstPage(DataversePages.OpportunitiesPath), HttpFake.Json(DataversePages.Page("opportunities", DataversePages.WonDeals(0, 2), second)));
        dataverse.Respond(PageNumber(DataversePages.OpportunitiesPath, 2), HttpFake.Json("""{"value":[{"opportunityid":"7","statecode":1,"estimatedval"""));

        var error = await Assert.ThrowsAsync<CrmDataException>(() => services.Source.GetOpportunitiesAsync(Window, default));

        Assert.StartsWith($"Dataverse page {Uri.UnescapeDataString(second)} is not an OData collection of the expected records:", error.Message, StringComparison.Ordinal);
        Assert.Equal(Uri.UnescapeDataString(second), error.Location);
    }

    [Theory]
    [InlineData("""{"@odata.context":"x","error":"gone"}""", "has no \"value\" array of records")]
    [InlineData("""{"value":"not a list"}""", "is not an OData collection of the expected records")]
    [InlineData("""{"value":[{"statecode":"won"}]}""", "is not an OData collection of the expected records")]
    [InlineData("""[1,2,3]""", "is not an OData collection of the expected records")]
    public async Task GetOpportunitiesAsync_PageOfAnotherShape_FailsSayingWhat(string body, string problem)
    {
        dataverse.Respond(FirstPage(DataversePages.OpportunitiesPath), HttpFake.Json(body));

        var error = await Assert.ThrowsAsync<CrmDataException>(() => services.Source.GetOpportunitiesAsync(Window, default));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Dataverse page {dataverse.BaseUrl.GetLeftPart(UriPartial.Authority)}/api/data/v9.2/opportunities?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_HtmlPage_FailsSayingItIsNotJson()
    {
        dataverse.Respond(FirstPage(DataversePages.OpportunitiesPath), HttpFake.Status(200, "<html>Sign in</html>", "text/html"));

        var error = await Assert.ThrowsAsync<CrmDataException>(() => services.Source.GetOpportunitiesAsync(Window, default));

        Assert.Contains("is text/html, not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_NextLinkToAnotherHost_RefusedSoTheTokenStaysHome()
    {
        dataverse.Respond(FirstPage(DataversePages.OpportunitiesPath), HttpFake.Json(DataversePages.Page("opportunities", DataversePages.WonDeals(0, 1), "https://elsewhere.example/api/data/v9.2/opportunities?$skiptoken=2")));

        var error = await Assert.ThrowsAsync<CrmDataException>(() => services.Source.GetOpportunitiesAsync(Window, default));

        Assert.Contains("has an @odata.nextLink 'https://elsewhere.example/api/data/v9.2/opportunities?$skiptoken=2' that is not an absolute URL on", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, services.Counter.Requests);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_RecordsThatCannotBePlaced_ReportedTogether()
    {
        ServeOpportunityPages(DataversePages.Page("opportunities",
        [
            DataversePages.Opportunity(7, id: "a1"),
            DataversePages.Opportunity(1, id: "b2", estimatedClose: null, actualClose: null),
            DataversePages.Opportunity(1, id: "c3", actualClose: "2026-03-01"),
        ]));

        var error = await Assert.ThrowsAsync<CrmDataException>(() => services.Source.GetOpportunitiesAsync(Window, default));

        Assert.Equal(
            [
                "opportunity a1: statecode 7 is not 0 (open), 1 (won) or 2 (lost)",
                "opportunity b2: closed as Won but has no actualclosedate or estimatedclosedate to place it in time",
            ],
            error.Problems);
    }

    [Fact]
    public async Task GetQuotasAsync_TwoPagesOfGoals_ReadsOwnerTargetAndPeriod()
    {
        var second = dataverse.Url(DataversePages.NextLinkQuery(DataversePages.GoalsPath, 2));
        dataverse.Respond(FirstPage(DataversePages.GoalsPath), HttpFake.Json(DataversePages.Page("goals",
            [DataversePages.Goal("ana@contoso.example", "2026-01-01", "2026-03-31", 250000m)], second)));
        dataverse.Respond(PageNumber(DataversePages.GoalsPath, 2), HttpFake.Json(DataversePages.Page("goals",
            [DataversePages.Goal("ben@contoso.example", "2026-04-01T00:00:00Z", "2026-06-30T00:00:00Z", 100000.5m)])));

        var quotas = await services.Source.GetQuotasAsync(Window, default);

        Assert.Equal(
            [
                new QuotaPeriod("ana@contoso.example", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), 250000m),
                new QuotaPeriod("ben@contoso.example", new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), 100000.5m),
            ],
            quotas);
        Assert.Equal(2, services.Counter.Requests);
        var query = Uri.UnescapeDataString(dataverse.RequestsTo(DataversePages.GoalsPath)[0].RawQuery!);
        Assert.Contains("$expand=goalownerid_systemuser($select=internalemailaddress)", query, StringComparison.Ordinal);
        Assert.Contains(
            "$filter=targetmoney ne null and Microsoft.Dynamics.CRM.OnOrBefore(PropertyName='goalstartdate',PropertyValue='2026-11-27') and Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='goalenddate',PropertyValue='2025-11-26')",
            query,
            StringComparison.Ordinal);
    }

    private void ServeOpportunityPages(params string[] pages)
    {
        dataverse.Respond(FirstPage(DataversePages.OpportunitiesPath), HttpFake.Json(pages[0]));
        for (var page = 2; page <= pages.Length; page++)
        {
            dataverse.Respond(PageNumber(DataversePages.OpportunitiesPath, page), HttpFake.Json(pages[page - 1]));
        }
    }

    private static IRequestBuilder FirstPage(string path) =>
        Request.Create().UsingGet().WithPath(path).WithParam("$skiptoken", MatchBehaviour.RejectOnMatch);

    private static IRequestBuilder PageNumber(string path, int page) =>
        Request.Create().UsingGet().WithPath(path).WithParam("$skiptoken", new WildcardMatcher($"*pagenumber=\"{page}\"*"));
}
