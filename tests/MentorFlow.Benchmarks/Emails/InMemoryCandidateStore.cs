using System.Collections.Concurrent;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Benchmarks.Emails;

/// <summary>Candidates in memory (writing them to table storage is timed by the history section).</summary>
internal sealed class InMemoryCandidateStore : ICandidateStore
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<CandidateView>> stored = new();

    public Task SaveAsync(string programId, IReadOnlyList<CandidateView> candidates, CancellationToken cancellationToken)
    {
        stored[programId] = candidates;
        return Task.CompletedTask;
    }

    public Task<(int Total, IReadOnlyList<CandidateView> Items)> ListAsync(string programId, int skip, int top, CancellationToken cancellationToken)
    {
        var all = stored.GetValueOrDefault(programId) ?? [];
        return Task.FromResult<(int, IReadOnlyList<CandidateView>)>((all.Count, [.. all.Skip(skip).Take(top)]));
    }
}
