namespace MentorFlow.Workflows.Stories;

/// <summary>The values of <see cref="Cohorts.NextCohortCandidate.Source"/>.</summary>
public static class NextCohortSources
{
    /// <summary>An eligible mentee who was ranked but not nominated.</summary>
    public const string Ranked = "ranked";

    /// <summary>A colleague suggested by one of the strongest check-in performers.</summary>
    public const string Suggested = "suggested";
}
