namespace MentorFlow.Workflows.Criteria;

/// <summary>A seller's quota for one period; both dates are inclusive.</summary>
public sealed record QuotaPeriod(string OwnerEmail, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Quota);
