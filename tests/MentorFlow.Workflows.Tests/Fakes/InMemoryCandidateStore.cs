using System.Collections.Concurrent;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>An in-memory <see cref="ICandidateStore"/> (the table adapter has its own tests on Azurite).</summary>
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
