using System.Collections.Concurrent;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>An in-memory <see cref="ICheckInStore"/> with the table adapter's "first answer wins" rule.</summary>
internal sealed class InMemoryCheckInStore : ICheckInStore
{
    private readonly ConcurrentDictionary<(string, string), CheckInRecord> checkIns = new();
    private readonly Lock gate = new();

    public Task AddAsync(IReadOnlyList<CheckInRecord> added, CancellationToken cancellationToken)
    {
        foreach (var checkIn in added)
        {
            checkIns.TryAdd((checkIn.ProgramId, checkIn.CheckInId), checkIn);
        }

        return Task.CompletedTask;
    }

    public Task<CheckInRecord?> GetAsync(string programId, string checkInId, CancellationToken cancellationToken) =>
        Task.FromResult(checkIns.GetValueOrDefault((programId, checkInId)));

    public Task<CheckInRecord> AnswerAsync(string programId, string checkInId, CheckInAnswer answer, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!checkIns.TryGetValue((programId, checkInId), out var current))
            {
                throw new KeyNotFoundException($"No check-in {checkInId} in program {programId}.");
            }

            if (current.Answered)
            {
                return Task.FromResult(current);
            }

            var answered = current with { Rating = answer.Rating, Comment = answer.Comment, RespondedAt = answer.At };
            checkIns[(programId, checkInId)] = answered;
            return Task.FromResult(answered);
        }
    }

    public Task<IReadOnlyList<CheckInRecord>> ListAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CheckInRecord>>(
            [.. checkIns.Values.Where(c => c.ProgramId == programId).OrderBy(c => c.CheckInId, StringComparer.Ordinal)]);
}
