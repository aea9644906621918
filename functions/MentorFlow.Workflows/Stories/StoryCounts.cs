namespace MentorFlow.Workflows.Stories;

/// <summary>How many participants were asked for a story, and how many have answered.</summary>
public sealed record StoryCounts(int Requested, int Submitted)
{
    public bool AllAnswered => Submitted >= Requested;
}
