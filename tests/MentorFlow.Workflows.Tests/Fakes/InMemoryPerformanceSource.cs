using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>CRM data held in memory, for orchestration tests.</summary>
internal sealed class InMemoryPerformanceSource : IPerformanceSource
{
    public List<Opportunity> Opportunities { get; } = [];

    public List<QuotaPeriod> Quotas { get; } = [];

    public Task<IReadOnlyList<Opportunity>> GetOpportunitiesAsync(PerformanceWindow window, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Opportunity>>([.. Opportunities]);

    public Task<IReadOnlyList<QuotaPeriod>> GetQuotasAsync(PerformanceWindow window, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QuotaPeriod>>([.. Quotas]);
}
