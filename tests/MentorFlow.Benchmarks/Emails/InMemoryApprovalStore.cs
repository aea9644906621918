using System.Collections.Concurrent;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Benchmarks.Emails;

/// <summary>Approvals in memory, with the table adapter's "first decision wins" rule.</summary>
internal sealed class InMemoryApprovalStore : IApprovalStore
{
    private readonly ConcurrentDictionary<(string, string), ApprovalRecord> approvals = new();
    private readonly Lock gate = new();

    public Task SaveAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        approvals[(approval.ProgramId, approval.ApprovalId)] = approval;
        return Task.CompletedTask;
    }

    public Task<ApprovalRecord?> GetAsync(string programId, string approvalId, CancellationToken cancellationToken) =>
        Task.FromResult(approvals.GetValueOrDefault((programId, approvalId)));

    public Task<IReadOnlyList<ApprovalRecord>> ListAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ApprovalRecord>>(
            [.. approvals.Values.Where(a => a.ProgramId == programId).OrderBy(a => a.ApprovalId, StringComparer.Ordinal)]);

    public Task<ApprovalRecord> DecideAsync(string programId, string approvalId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var current = approvals[(programId, approvalId)];
            if (current.Status != ApprovalStatus.Pending)
            {
                return Task.FromResult(current);
            }

            var decided = current with
            {
                Status = decision.Approved ? ApprovalStatus.Approved : ApprovalStatus.Declined,
                DecidedBy = decision.DecidedBy,
                DecidedAt = decision.DecidedAt,
                Comment = decision.Comment,
                Via = decision.Via,
            };
            approvals[(programId, approvalId)] = decided;
            return Task.FromResult(decided);
        }
    }
}
