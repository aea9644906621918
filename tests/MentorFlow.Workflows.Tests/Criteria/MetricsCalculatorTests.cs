using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Criteria;

/// <summary>The metric formulas on small cases computed by hand (window edges, prorated quotas, zero quota, no deals).</summary>
public sealed class MetricsCalculatorTests
{
    // Program submitted 2026-11-27 with P12M: the window is 2025-11-27 inclusive to 2026-11-27 exclusive.
    private static readonly PerformanceWindow Window =
        MetricsCalculator.Window(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.Zero), IsoDuration.Parse("P12M"));

    private static DirectoryUser User(string id, string email, string? manager = null, string? hired = "2020-01-01", bool enabled = true) =>
        new(id, id.ToUpperInvariant(), email, email, "Account Executive", "Sales", "US", "Austin",
            hired is null ? null : DateTimeOffset.Parse(hired + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), enabled, manager);

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static PersonMetrics Single(IReadOnlyList<PersonMetrics> all, string email) => all.Single(p => p.Email == email);

    [Fact]
    public void Window_P12M_FromStartDateBackTwelveMonths()
    {
        Assert.Equal(new PerformanceWindow(D("2025-11-27"), D("2026-11-27")), Window);
    }

    [Fact]
    public void Compute_CloseDatesAtWindowEdges_StartCountsEndDoesNot()
    {
        var ana = User("a", "ana@example.com");
        var deals = new[]
        {
            new Opportunity("ANA@example.com", OpportunityStatus.Won, 100m, D("2025-11-27")),  // first day: counts
            new Opportunity("ana@example.com", OpportunityStatus.Won, 200m, D("2026-11-26")),  // last day: counts
            new Opportunity("ana@example.com", OpportunityStatus.Won, 400m, D("2026-11-27")),  // start date: outside
            new Opportunity("ana@example.com", OpportunityStatus.Won, 800m, D("2025-11-26")),  // before: outside
            new Opportunity("ana@example.com", OpportunityStatus.Lost, 50m, D("2026-01-10")),
            new Opportunity("ana@example.com", OpportunityStatus.Open, 1000m, D("2030-01-01")), // open: any date
        };

        var m = Single(MetricsCalculator.Compute([ana], deals, [], Window), "ana@example.com");

        Assert.Equal(300d, m.Number(Metrics.ClosedWonRevenue));
        Assert.Equal(2d, m.Number(Metrics.DealsWon));
        Assert.Equal(1d, m.Number(Metrics.DealsLost));
        Assert.Equal(2d / 3, m.Number(Metrics.WinRate)!.Value, 10);
        Assert.Equal(150d, m.Number(Metrics.AvgDealSize));
        Assert.Equal(1000d, m.Number(Metrics.PipelineValue));
    }

    [Fact]
    public void Compute_NoDeals_ZeroRatesAndMissingAttainment()
    {
        var m = Single(MetricsCalculator.Compute([User("a", "ana@example.com")], [], [], Window), "ana@example.com");

        Assert.Equal(0d, m.Number(Metrics.WinRate));
        Assert.Equal(0d, m.Number(Metrics.AvgDealSize));
        Assert.Equal(0d, m.Number(Metrics.Quota));
        Assert.Null(m.Get(Metrics.QuotaAttainment));
    }

    [Fact]
    public void Compute_QuotaPeriodPartlyInWindow_IsProrated()
    {
        // 2025-11-01..2025-11-30 is 30 days, of which 27..30 (4 days) are in the window: 3000 × 4/30 = 400.
        // 2026-01-01..2026-03-31 (90 days) lies wholly inside: 9000.
        var quotas = new[]
        {
            new QuotaPeriod("ana@example.com", D("2025-11-01"), D("2025-11-30"), 3000m),
            new QuotaPeriod("ana@example.com", D("2026-01-01"), D("2026-03-31"), 9000m),
            new QuotaPeriod("ana@example.com", D("2026-11-27"), D("2026-12-31"), 5000m), // outside
        };
        var deals = new[] { new Opportunity("ana@example.com", OpportunityStatus.Won, 4700m, D("2026-02-01")) };

        var m = Single(MetricsCalculator.Compute([User("a", "ana@example.com")], deals, quotas, Window), "ana@example.com");

        Assert.Equal(9400d, m.Number(Metrics.Quota)!.Value, 6);
        Assert.Equal(0.5, m.Number(Metrics.QuotaAttainment)!.Value, 6);
    }

    [Theory]
    [InlineData("2025-11-27", 12d)]
    [InlineData("2025-11-28", 11d)]
    [InlineData("2026-11-27", 0d)]
    [InlineData("2016-02-29", 128d)]
    public void Compute_Tenure_WholeCalendarMonthsToStartDate(string hired, double months)
    {
        var m = Single(MetricsCalculator.Compute([User("a", "ana@example.com", hired: hired)], [], [], Window), "ana@example.com");

        Assert.Equal(months, m.Number(Metrics.TenureMonths));
    }

    [Fact]
    public void Compute_Manager_CountsEnabledReportsAndTheirAttainment()
    {
        var users = new[]
        {
            User("m", "max@example.com"),
            User("a", "ana@example.com", manager: "m"),
            User("b", "bo@example.com", manager: "m"),
            User("c", "cy@example.com", manager: "m", enabled: false),
        };
        var deals = new[]
        {
            new Opportunity("ana@example.com", OpportunityStatus.Won, 600m, D("2026-05-01")),
            new Opportunity("bo@example.com", OpportunityStatus.Won, 300m, D("2026-05-01")),
            new Opportunity("cy@example.com", OpportunityStatus.Won, 9000m, D("2026-05-01")),
        };
        var quotas = new[]
        {
            new QuotaPeriod("ana@example.com", D("2026-01-01"), D("2026-06-30"), 500m),
            new QuotaPeriod("bo@example.com", D("2026-01-01"), D("2026-06-30"), 500m),
        };

        var metrics = MetricsCalculator.Compute(users, deals, quotas, Window);

        var max = Single(metrics, "max@example.com");
        Assert.Equal(2d, max.Number(Metrics.DirectReports));
        Assert.Equal(true, max.Get(Metrics.IsManager));
        Assert.Equal(0.9, max.Number(Metrics.TeamQuotaAttainment)!.Value, 6);
        Assert.Equal(false, Single(metrics, "ana@example.com").Get(Metrics.IsManager));
        Assert.Null(Single(metrics, "ana@example.com").Get(Metrics.TeamQuotaAttainment));
    }
}
