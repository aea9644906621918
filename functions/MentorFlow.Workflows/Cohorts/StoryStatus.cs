namespace MentorFlow.Workflows.Cohorts;

/// <summary>Where a story stands.</summary>
public enum StoryStatus
{
    /// <summary>The form link was sent; no answer yet.</summary>
    Requested,

    /// <summary>The participant answered; waiting for curation (or not shared: no consent).</summary>
    Submitted,

    /// <summary>The program manager approved it: it is in the digest.</summary>
    Published,

    /// <summary>The program manager declined it, or the participant did not consent to share it.</summary>
    NotPublished,
}
