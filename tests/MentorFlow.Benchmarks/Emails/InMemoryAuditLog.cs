using System.Collections.Concurrent;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;

namespace MentorFlow.Benchmarks.Emails;

/// <summary>The audit log in memory; equal entries coincide, as in the table adapter.</summary>
internal sealed class InMemoryAuditLog : IAuditLog
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<AuditEntry, byte>> logs = new();

    public Task AppendAsync(string programId, AuditEntry entry, CancellationToken cancellationToken)
    {
        logs.GetOrAdd(programId, _ => new())[entry] = 0;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(logs.TryGetValue(programId, out var log) ? [.. log.Keys.OrderBy(e => e.At)] : []);
}
