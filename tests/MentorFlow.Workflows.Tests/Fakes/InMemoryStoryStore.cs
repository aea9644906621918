using System.Collections.Concurrent;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>An in-memory <see cref="IStoryStore"/> with the table adapter's "first submission wins" rule.</summary>
internal sealed class InMemoryStoryStore : IStoryStore
{
    private readonly ConcurrentDictionary<(string, string), StoryRecord> stories = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<NextCohortCandidate>> nextCohorts = new();
    private readonly Lock gate = new();

    public Task AddAsync(IReadOnlyList<StoryRecord> added, CancellationToken cancellationToken)
    {
        foreach (var story in added)
        {
            stories.TryAdd((story.ProgramId, story.StoryId), story);
        }

        return Task.CompletedTask;
    }

    public Task<StoryRecord?> GetAsync(string programId, string storyId, CancellationToken cancellationToken) =>
        Task.FromResult(stories.GetValueOrDefault((programId, storyId)));

    public Task<StoryRecord> SubmitAsync(string programId, string storyId, StorySubmission submission, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var current = Find(programId, storyId);
            if (current.SubmittedAt is not null)
            {
                return Task.FromResult(current);
            }

            var submitted = current with
            {
                Story = submission.Story,
                BestPractice = submission.BestPractice,
                ConsentToShare = submission.ConsentToShare,
                Suggestion = submission.Suggestion,
                SubmittedAt = submission.At,
                Status = StoryStatus.Submitted,
            };
            stories[(programId, storyId)] = submitted;
            return Task.FromResult(submitted);
        }
    }

    public Task<StoryRecord> SetStatusAsync(string programId, string storyId, StoryStatus status, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var changed = Find(programId, storyId) with { Status = status };
            stories[(programId, storyId)] = changed;
            return Task.FromResult(changed);
        }
    }

    public Task<IReadOnlyList<StoryRecord>> ListAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoryRecord>>(
            [.. stories.Values.Where(s => s.ProgramId == programId).OrderBy(s => s.StoryId, StringComparer.Ordinal)]);

    public Task SaveNextCohortAsync(string programId, IReadOnlyList<NextCohortCandidate> candidates, CancellationToken cancellationToken)
    {
        nextCohorts[programId] = [.. candidates];
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NextCohortCandidate>> ListNextCohortAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult(nextCohorts.GetValueOrDefault(programId) ?? []);

    private StoryRecord Find(string programId, string storyId) =>
        stories.TryGetValue((programId, storyId), out var story)
            ? story
            : throw new KeyNotFoundException($"No story {storyId} in program {programId}.");
}
