using System.Collections.Concurrent;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>An in-memory <see cref="IPairStore"/>.</summary>
internal sealed class InMemoryPairStore : IPairStore
{
    private readonly ConcurrentDictionary<(string Program, StageName Stage, int Number), PairRecord> pairs = new();
    private readonly Lock gate = new();

    public Task ReplaceAsync(string programId, StageName stage, IReadOnlyList<PairRecord> replacement, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var key in pairs.Keys.Where(k => k.Program == programId && k.Stage == stage).ToList())
            {
                pairs.TryRemove(key, out _);
            }

            foreach (var pair in replacement)
            {
                pairs[(programId, stage, pair.PairNumber)] = pair;
            }
        }

        return Task.CompletedTask;
    }

    public Task SaveAsync(PairRecord pair, CancellationToken cancellationToken)
    {
        pairs[(pair.ProgramId, pair.Stage, pair.PairNumber)] = pair;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PairRecord>> ListAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PairRecord>>(
            [.. pairs.Values.Where(p => p.ProgramId == programId).OrderBy(p => p.Stage).ThenBy(p => p.PairNumber)]);
}
