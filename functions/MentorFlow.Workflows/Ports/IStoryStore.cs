using MentorFlow.Workflows.Cohorts;

namespace MentorFlow.Workflows.Ports;

/// <summary>What the Stories stage gathers: participants' stories (and the sponsor's), and the next cohort's candidates.</summary>
public interface IStoryStore
{
    /// <summary>Stores stories as requested (or the sponsor's as published); one that exists already is left as it is.</summary>
    Task AddAsync(IReadOnlyList<StoryRecord> stories, CancellationToken cancellationToken);

    /// <summary>The story, or null.</summary>
    Task<StoryRecord?> GetAsync(string programId, string storyId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a participant's answer atomically: returns the stored story, which carries this submission when it was
    /// the first, or the earlier one. Throws <see cref="KeyNotFoundException"/> when there is no such story.
    /// </summary>
    Task<StoryRecord> SubmitAsync(string programId, string storyId, StorySubmission submission, CancellationToken cancellationToken);

    /// <summary>Sets a story's status (curation); returns the stored story.</summary>
    Task<StoryRecord> SetStatusAsync(string programId, string storyId, StoryStatus status, CancellationToken cancellationToken);

    /// <summary>Every story of the program, ordered by story id (the sponsor's first).</summary>
    Task<IReadOnlyList<StoryRecord>> ListAsync(string programId, CancellationToken cancellationToken);

    /// <summary>Replaces the program's next-cohort candidates.</summary>
    Task SaveNextCohortAsync(string programId, IReadOnlyList<NextCohortCandidate> candidates, CancellationToken cancellationToken);

    /// <summary>The program's next-cohort candidates, in the order saved.</summary>
    Task<IReadOnlyList<NextCohortCandidate>> ListNextCohortAsync(string programId, CancellationToken cancellationToken);
}
