using MentorFlow.Integrations.Crm;
using MentorFlow.Workflows.Criteria;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Crm;

public sealed class FilePerformanceSourceTests : IDisposable
{
    // Start date 2026-11-27 with a 12-month window: 2025-11-27 inclusive to 2026-11-27 exclusive.
    private static readonly PerformanceWindow Window = new(new DateOnly(2025, 11, 27), new DateOnly(2026, 11, 27));
    private readonly CrmExportFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task GetOpportunitiesAsync_ValidRows_ReadsEachField()
    {
        var source = Source(opportunities: files.Opportunities("ana@contoso.example,Won,12500.50,2026-03-15"));

        var opportunity = Assert.Single(await source.GetOpportunitiesAsync(Window, default));

        Assert.Equal(new Opportunity("ana@contoso.example", OpportunityStatus.Won, 12500.50m, new DateOnly(2026, 3, 15)), opportunity);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_Window_KeepsClosedDealsInsideItAndEveryOpenDeal()
    {
        var source = Source(opportunities: files.Opportunities(
            "first-day@contoso.example,Won,1,2025-11-27",
            "day-before@contoso.example,Won,1,2025-11-26",
            "last-day@contoso.example,Lost,1,2026-11-26",
            "start-date@contoso.example,Won,1,2026-11-27",
            "open-late@contoso.example,Open,1,2030-01-01",
            "open-early@contoso.example,Open,1,2020-01-01"));

        var owners = (await source.GetOpportunitiesAsync(Window, default)).Select(o => o.OwnerEmail);

        Assert.Equal(["first-day@contoso.example", "last-day@contoso.example", "open-late@contoso.example", "open-early@contoso.example"], owners);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_BadRows_FailsListingEveryLineAndReason()
    {
        var path = files.Opportunities(
            "ana@contoso.example,Won,100,2026-01-10",
            "not-an-email,Won,100,2026-01-10",
            "ben@contoso.example,Closed,100,2026-01-10",
            "cy@contoso.example,Won,\"1,200.00\",2026-01-10",
            "dee@contoso.example,Lost,100,10/01/2026",
            "eve@contoso.example,Open,-5,2026-01-10",
            ",Won,,2026-01-10",
            "fay@contoso.example,Won,100");
        var source = Source(opportunities: path);

        var error = await Assert.ThrowsAsync<CrmDataException>(() => source.GetOpportunitiesAsync(Window, default));

        Assert.Equal(path, error.Location);
        Assert.Equal(7, error.ProblemCount);
        Assert.Equal(
            [
                "line 3: OwnerEmail 'not-an-email' is not an email address",
                "line 4: Status 'Closed' is not Won, Lost or Open",
                "line 5: Amount '1,200.00' is not a number (digits with '.' for decimals, no thousands separators or currency)",
                "line 6: CloseDate '10/01/2026' is not a date as yyyy-MM-dd",
                "line 7: Amount '-5' is negative",
                "line 8: OwnerEmail is empty; Amount is empty",
                "line 9: expected 4 fields, found 3",
            ],
            error.Problems);
        Assert.StartsWith($"Opportunities file '{path}' has 7 rows that do not parse:", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 9: expected 4 fields, found 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_ManyBadRows_ListsFiftyAndCountsTheRest()
    {
        var source = Source(opportunities: files.Opportunities([.. Enumerable.Range(0, 120).Select(i => $"seller{i}@contoso.example,Maybe,1,2026-01-10")]));

        var error = await Assert.ThrowsAsync<CrmDataException>(() => source.GetOpportunitiesAsync(Window, default));

        Assert.Equal(120, error.ProblemCount);
        Assert.Equal(50, error.Problems.Count);
        Assert.Equal("line 2: Status 'Maybe' is not Won, Lost or Open", error.Problems[0]);
        Assert.EndsWith("… and 70 more", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Owner,Status,Amount,CloseDate")]
    [InlineData("OwnerEmail,Amount,Status,CloseDate")]
    [InlineData("ownerEmail,status,amount,closeDate")]
    [InlineData("OwnerEmail,Status,Amount,CloseDate,Region")]
    [InlineData("OwnerEmail,Status,Amount")]
    public async Task GetOpportunitiesAsync_HeaderNotExactlyTheExpectedOne_Rejected(string header)
    {
        var path = files.Raw("opportunities.csv", $"{header}\r\nana@contoso.example,Won,1,2026-01-10\r\n");

        var error = await Assert.ThrowsAsync<CrmDataException>(() => Source(opportunities: path).GetOpportunitiesAsync(Window, default));

        Assert.Equal(
            $"Opportunities file '{path}' must start with the header 'OwnerEmail,Status,Amount,CloseDate' (exactly these columns, in this order); its header is '{header}'.",
            error.Message);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_EmptyFile_FailsNamingTheHeader()
    {
        var path = files.Raw("opportunities.csv", "");

        var error = await Assert.ThrowsAsync<CrmDataException>(() => Source(opportunities: path).GetOpportunitiesAsync(Window, default));

        Assert.Contains("is empty; its first line must be the header 'OwnerEmail,Status,Amount,CloseDate'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_BomQuotesBlankLinesAndLfEndings_Read()
    {
        var path = files.Raw(
            "opportunities.csv",
            "\uFEFFOwnerEmail,Status,Amount,CloseDate\n\"ana@contoso.example\",\"won\",\" 250.75 \",2026-02-01\n\n  \nben@contoso.example,OPEN,0,2027-01-01");

        var opportunities = await Source(opportunities: path).GetOpportunitiesAsync(Window, default);

        Assert.Equal(
            [
                new Opportunity("ana@contoso.example", OpportunityStatus.Won, 250.75m, new DateOnly(2026, 2, 1)),
                new Opportunity("ben@contoso.example", OpportunityStatus.Open, 0m, new DateOnly(2027, 1, 1)),
            ],
            opportunities);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_UnclosedQuote_ReportsItsLine()
    {
        var path = files.Opportunities("ana@contoso.example,Won,1,2026-01-10", "\"ben@contoso.example,Won,1,2026-01-10");

        var error = await Assert.ThrowsAsync<CrmDataException>(() => Source(opportunities: path).GetOpportunitiesAsync(Window, default));

        Assert.StartsWith("line 3: ", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_SameOwnerOnManyRows_SharesOneString()
    {
        var source = Source(opportunities: files.Opportunities("ana@contoso.example,Won,1,2026-01-10", "ana@contoso.example,Lost,1,2026-01-11"));

        var opportunities = await source.GetOpportunitiesAsync(Window, default);

        Assert.Same(opportunities[0].OwnerEmail, opportunities[1].OwnerEmail);
    }

    [Fact]
    public async Task GetOpportunitiesAsync_GeneratedExport_ReadsEveryRowAgain()
    {
        const int Rows = 100_000;
        var source = Source(opportunities: files.GeneratedOpportunities(Rows));
        var everything = new PerformanceWindow(new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1));
        var first = await source.GetOpportunitiesAsync(everything, default);

        var opportunities = await source.GetOpportunitiesAsync(everything, default);

        // The speed of a load is the Criteria benchmark's figure ("load CRM"), not a timed test's.
        Assert.Equal(Rows, first.Count);
        Assert.Equal(Rows, opportunities.Count);
        Assert.Equal(Rows / 3 + 1, opportunities.Count(o => o.Status == OpportunityStatus.Won));
    }

    [Fact]
    public async Task GetQuotasAsync_Window_KeepsPeriodsOverlappingIt()
    {
        var source = Source(quotas: files.Quotas(
            "ends-before@contoso.example,2025-08-01,2025-11-26,100",
            "ends-first-day@contoso.example,2025-08-27,2025-11-27,100",
            "inside@contoso.example,2026-01-01,2026-03-31,250000.00",
            "starts-last-day@contoso.example,2026-11-26,2027-02-25,100",
            "starts-after@contoso.example,2026-11-27,2027-02-26,100"));

        var quotas = await source.GetQuotasAsync(Window, default);

        Assert.Equal(["ends-first-day@contoso.example", "inside@contoso.example", "starts-last-day@contoso.example"], quotas.Select(q => q.OwnerEmail));
        Assert.Equal(new QuotaPeriod("inside@contoso.example", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), 250000m), quotas[1]);
    }

    [Fact]
    public async Task GetQuotasAsync_BadRows_FailsListingEveryLineAndReason()
    {
        var path = files.Quotas(
            "ana@contoso.example,2026-04-01,2026-03-31,100",
            "ben@contoso.example,2026-01-01,2026-03-31,lots",
            "cy@contoso.example,2026-01-01,,100");

        var error = await Assert.ThrowsAsync<CrmDataException>(() => Source(quotas: path).GetQuotasAsync(Window, default));

        Assert.Equal(
            [
                "line 2: PeriodEnd 2026-03-31 is before PeriodStart 2026-04-01",
                "line 3: Quota 'lots' is not a number (digits with '.' for decimals, no thousands separators or currency)",
                "line 4: PeriodEnd is empty",
            ],
            error.Problems);
        Assert.StartsWith($"Quotas file '{path}' has 3 rows that do not parse:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetQuotasAsync_HeaderOfTheOtherFile_Rejected()
    {
        var path = files.Raw("quotas.csv", "OwnerEmail,Status,Amount,CloseDate\r\n");

        var error = await Assert.ThrowsAsync<CrmDataException>(() => Source(quotas: path).GetQuotasAsync(Window, default));

        Assert.Contains("must start with the header 'OwnerEmail,PeriodStart,PeriodEnd,Quota'", error.Message, StringComparison.Ordinal);
    }

    private static FilePerformanceSource Source(string? opportunities = null, string? quotas = null) =>
        new(Options.Create(new CrmOptions { OpportunitiesFile = opportunities, QuotasFile = quotas }), NullLogger<FilePerformanceSource>.Instance);
}
