namespace MentorFlow.Workflows.Stories;

/// <summary>After curation: how many stories were submitted and how many are published.</summary>
public sealed record CurationOutcome(int Submitted, int Published);
