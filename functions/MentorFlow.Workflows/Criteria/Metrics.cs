namespace MentorFlow.Workflows.Criteria;

/// <summary>
/// The metric names HR writes rules and selection weights against — the contract documented in
/// docs/criteria.md. A metric a person lacks (quota attainment without a quota) is missing, never zero.
/// </summary>
public static class Metrics
{
    public const string ClosedWonRevenue = "closedWonRevenue";
    public const string DealsWon = "dealsWon";
    public const string DealsLost = "dealsLost";
    public const string WinRate = "winRate";
    public const string AvgDealSize = "avgDealSize";
    public const string PipelineValue = "pipelineValue";
    public const string Quota = "quota";
    public const string QuotaAttainment = "quotaAttainment";
    public const string TenureMonths = "tenureMonths";
    public const string DirectReports = "directReports";
    public const string IsManager = "isManager";
    public const string TeamSize = "teamSize";
    public const string TeamQuotaAttainment = "teamQuotaAttainment";
    public const string Department = "department";
    public const string JobTitle = "jobTitle";
    public const string Country = "country";

    /// <summary>Every metric with its kind, in the order explanations list them.</summary>
    public static IReadOnlyDictionary<string, MetricKind> All { get; } = new Dictionary<string, MetricKind>(StringComparer.Ordinal)
    {
        [ClosedWonRevenue] = MetricKind.Number,
        [DealsWon] = MetricKind.Number,
        [DealsLost] = MetricKind.Number,
        [WinRate] = MetricKind.Number,
        [AvgDealSize] = MetricKind.Number,
        [PipelineValue] = MetricKind.Number,
        [Quota] = MetricKind.Number,
        [QuotaAttainment] = MetricKind.Number,
        [TenureMonths] = MetricKind.Number,
        [DirectReports] = MetricKind.Number,
        [IsManager] = MetricKind.Boolean,
        [TeamSize] = MetricKind.Number,
        [TeamQuotaAttainment] = MetricKind.Number,
        [Department] = MetricKind.Text,
        [JobTitle] = MetricKind.Text,
        [Country] = MetricKind.Text,
    };

    /// <summary>The metrics a selection weight may name: the numeric ones.</summary>
    public static IReadOnlyList<string> Numeric { get; } = [.. All.Where(m => m.Value == MetricKind.Number).Select(m => m.Key)];
}
