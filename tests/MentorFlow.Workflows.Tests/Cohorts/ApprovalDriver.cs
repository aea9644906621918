using System.Collections.Concurrent;
using MentorFlow.Workflows.Approvals;

namespace MentorFlow.Workflows.Tests.Cohorts;

/// <summary>
/// Plays the people of a program on the test host: whenever an approval has been sent (it has an approver and a waiting
/// orchestration), asks <c>decide</c> what that person does — approve or decline with a comment, or nothing (null: let
/// it time out) — and does what the link handler does: store the decision, then tell the waiting orchestration.
/// </summary>
internal sealed class ApprovalDriver : IAsyncDisposable
{
    private readonly WorkflowTestHost host;
    private readonly string programId;
    private readonly Func<ApprovalRecord, (bool Approve, string? Comment)?> decide;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, bool> handled = new();
    private readonly Task loop;

    public ApprovalDriver(WorkflowTestHost host, string programId, Func<ApprovalRecord, (bool Approve, string? Comment)?> decide)
    {
        this.host = host;
        this.programId = programId;
        this.decide = decide;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Every approval the driver was asked about, in order.</summary>
    public ConcurrentQueue<ApprovalRecord> Seen { get; } = new();

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var approval in await host.Approvals.ListAsync(programId, default))
            {
                if (approval is not { Status: ApprovalStatus.Pending, Approver: not null, InstanceId: not null } || !handled.TryAdd(approval.ApprovalId, true))
                {
                    continue;
                }

                Seen.Enqueue(approval);
                if (decide(approval) is not { } choice)
                {
                    continue;
                }

                var decision = new ApprovalDecision(choice.Approve, approval.Approver.Email, DateTimeOffset.UtcNow, choice.Comment, "link");
                await host.Approvals.DecideAsync(programId, approval.ApprovalId, decision, default);
                await host.Host.Client.RaiseEventAsync(approval.InstanceId, ApprovalEvents.DecisionFor(approval.ApprovalId), decision);
            }

            try
            {
                await Task.Delay(50, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
