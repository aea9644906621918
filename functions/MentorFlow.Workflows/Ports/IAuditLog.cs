using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Ports;

/// <summary>The append-only audit log of every program.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends one entry. Appending an entry equal to one already logged (same time, actor, action and details)
    /// writes nothing new, so activity retries and replays do not duplicate lines.
    /// </summary>
    Task AppendAsync(string programId, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>A program's entries, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string programId, CancellationToken cancellationToken);
}
