using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Approvals;

/// <summary>Runs approval batches from any orchestration, each as its own <see cref="ApprovalOrchestrator"/> sub-orchestration.</summary>
public static class ApprovalBatches
{
    /// <summary>Puts one batch to its approver and returns every decision (instance id derived from program and batch).</summary>
    public static Task<IReadOnlyList<ApprovalResult>> RunAsync(TaskOrchestrationContext context, string programId, ApprovalBatch batch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(batch);
        return context.CallSubOrchestratorAsync<IReadOnlyList<ApprovalResult>>(
            nameof(ApprovalOrchestrator),
            new ApprovalRequest(programId, batch.BatchId, batch.Kind, batch.ApprovalIds, batch.Approver, batch.OnTimeout),
            new SubOrchestrationOptions { InstanceId = ApprovalEvents.InstanceId(programId, batch.BatchId) });
    }

    /// <summary>Puts every batch to its approver at once; the decisions of all, in batch order.</summary>
    public static async Task<IReadOnlyList<ApprovalResult>> RunAllAsync(TaskOrchestrationContext context, string programId, IEnumerable<ApprovalBatch> batches)
    {
        var results = await Task.WhenAll(batches.Select(b => RunAsync(context, programId, b)));
        return [.. results.SelectMany(r => r)];
    }
}
