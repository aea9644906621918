namespace MentorFlow.Workflows.Stories;

/// <summary>The curation approvals prepared (one per story shared with consent; ids only) and how many stories were submitted.</summary>
public sealed record StoryCuration(IReadOnlyList<string> ApprovalIds, int Submitted)
{
    /// <summary>The batch id of the program manager's curation approvals.</summary>
    public const string BatchId = "stories";

    /// <summary>The approval id of a story's curation.</summary>
    public static string ApprovalIdFor(string storyId) => "story-" + storyId;
}
