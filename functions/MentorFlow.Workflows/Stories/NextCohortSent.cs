namespace MentorFlow.Workflows.Stories;

/// <summary>How many next-cohort candidates were saved, and how many approvers were told about theirs.</summary>
public sealed record NextCohortSent(int Candidates, int Approvers);
