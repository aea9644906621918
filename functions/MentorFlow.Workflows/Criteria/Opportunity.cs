namespace MentorFlow.Workflows.Criteria;

/// <summary>One CRM opportunity: its owner's email, status, amount and (expected or actual) close date.</summary>
public sealed record Opportunity(string OwnerEmail, OpportunityStatus Status, decimal Amount, DateOnly CloseDate);
