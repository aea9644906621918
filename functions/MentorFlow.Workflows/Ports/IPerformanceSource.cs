using MentorFlow.Workflows.Criteria;

namespace MentorFlow.Workflows.Ports;

/// <summary>Sales performance from the CRM (Dataverse, Salesforce, or a report export).</summary>
public interface IPerformanceSource
{
    /// <summary>
    /// Won and lost opportunities whose close date lies in the window, and every open opportunity whatever its close
    /// date. A source may return more (the metrics filter again); it must not return less.
    /// </summary>
    Task<IReadOnlyList<Opportunity>> GetOpportunitiesAsync(PerformanceWindow window, CancellationToken cancellationToken);

    /// <summary>Every quota period that overlaps the window. A source may return more; it must not return less.</summary>
    Task<IReadOnlyList<QuotaPeriod>> GetQuotasAsync(PerformanceWindow window, CancellationToken cancellationToken);
}
