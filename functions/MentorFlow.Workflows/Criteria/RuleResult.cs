namespace MentorFlow.Workflows.Criteria;

/// <summary>One rule for one person: whether it passed, and the values it saw.</summary>
public sealed record RuleResult(string Rule, bool Passed, string Detail);
