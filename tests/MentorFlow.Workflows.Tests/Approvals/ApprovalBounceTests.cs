using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Workflows.Tests.Approvals;

/// <summary>
/// A sales leader's nomination batch on the in-process test host, escalating along a directory chain
/// (leader → director → vice president → program manager): a bounce passes the batch on one level, only when it is
/// of the email of the level the batch waits at, however often it is delivered; and a request delivered again keeps
/// the due time it stored, which the timers then run to.
/// </summary>
public sealed class ApprovalBounceTests : IAsyncLifetime
{
    private const string BatchId = "leader-lee";
    private const string ApprovalId = "nomination-1";
    private static readonly Person Leader = new("Lee Leader", "lee@example.com");
    private WorkflowTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await WorkflowTestHost.StartAsync();
        host.Directory
            .Add("u-vic", "Vic President", "vic@example.com")
            .Add("u-max", "Max Director", "max@example.com", managerId: "u-vic")
            .Add("u-lee", Leader.Name, Leader.Email, managerId: "u-max");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Bounce_DeliveredThreeTimes_EscalatesExactlyOneLevel()
    {
        var id = await StartAsync(TestDefinitions.WithApprovals("PT60S", ApprovalTimeoutActions.Escalate));
        await WaitForApproverAsync(id, Leader.Email, "ApprovalRequested");

        for (var i = 0; i < 3; i++)
        {
            await BounceAsync(id, Leader.Email, level: 0);
        }

        await WaitForApproverAsync(id, "max@example.com", "ApprovalEscalated");
        // The decision is raised after the bounces, so the orchestration takes every bounce before it completes.
        var result = await DecideAndCompleteAsync(id, "max@example.com");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Single(await host.Audit.ListAsync(id, default), e => e.Action == "ApprovalEscalated");
        Assert.Equal(1, (await host.Approvals.GetAsync(id, ApprovalId, default))!.EscalationLevel);
        Assert.Equal(["lee@example.com", "max@example.com"], host.Email.Sent.Select(m => m.To[0].Email).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bounce_OfAnEarlierLevelOrAnotherAddress_IsPassedOverAndTheCurrentLevelsBounceEscalates()
    {
        var id = await StartAsync(TestDefinitions.WithApprovals("PT60S", ApprovalTimeoutActions.Escalate));
        await WaitForApproverAsync(id, Leader.Email, "ApprovalRequested");
        await BounceAsync(id, Leader.Email, level: 0);
        await WaitForApproverAsync(id, "max@example.com", "ApprovalEscalated");

        await BounceAsync(id, Leader.Email, level: 0);
        await BounceAsync(id, "someone.else@example.com", level: 1);
        await BounceAsync(id, "MAX@example.com", level: 1);

        await WaitForApproverAsync(id, "vic@example.com", "ApprovalEscalated");
        var result = await DecideAndCompleteAsync(id, "vic@example.com");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var escalations = (await host.Audit.ListAsync(id, default)).Where(e => e.Action == "ApprovalEscalated").Select(e => e.Details).ToList();
        Assert.Equal(2, escalations.Count);
        Assert.Contains(escalations, d => d.Contains("Max Director", StringComparison.Ordinal) && d.Contains("(level 1)", StringComparison.Ordinal));
        Assert.Contains(escalations, d => d.Contains("Vic President", StringComparison.Ordinal) && d.Contains("(level 2)", StringComparison.Ordinal));
        Assert.Equal(2, (await host.Approvals.GetAsync(id, ApprovalId, default))!.EscalationLevel);
        Assert.DoesNotContain(host.Email.Sent, m => m.To[0].Email == "pat@example.com");
    }

    [Fact]
    public async Task Request_DeliveredAgain_TimersRunToTheStoredDueTime()
    {
        // The first delivery stored the request (due in 2 s) before a host was killed; the orchestration now asks
        // again with a 60 s timeout policy. The timeout must come at the stored due time, not 60 s from now.
        var definition = TestDefinitions.WithApprovals("PT60S", ApprovalTimeoutActions.Decline);
        var now = DateTimeOffset.UtcNow;
        var dueAt = now.AddSeconds(2);
        var id = await StartAsync(definition, prepared => prepared with
        {
            Approver = Leader,
            RequestedAt = now.AddSeconds(-58),
            DueAt = dueAt,
            InstanceId = ApprovalEvents.InstanceId(prepared.ProgramId, BatchId),
        });

        var result = await WaitForCompletionAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var approval = (await host.Approvals.GetAsync(id, ApprovalId, default))!;
        Assert.Equal(ApprovalStatus.Declined, approval.Status);
        Assert.Equal("timeout", approval.Via);
        Assert.Equal(dueAt, approval.DueAt);
        Assert.True(approval.DecidedAt >= dueAt, $"Decided at {approval.DecidedAt:O}, before the stored due time {dueAt:O}.");
        var requested = Assert.Single(await host.Audit.ListAsync(id, default), e => e.Action == "ApprovalRequested");
        Assert.Contains($"due {dueAt:u}", requested.Details, StringComparison.Ordinal);
    }

    /// <summary>A program with its charter and one prepared nomination, and the leader's approval batch started on it.</summary>
    private async Task<string> StartAsync(ProgramDefinition definition, Func<ApprovalRecord, ApprovalRecord>? stored = null)
    {
        var id = ProgramIds.NewId();
        var at = DateTimeOffset.UtcNow;
        await host.Programs.CreateAsync(ProgramRecord.New(id, definition.Name, at), definition, default);
        await host.Programs.SaveCharterAsync(id, ProgramCharter.From(definition, at), default);
        var prepared = new ApprovalRecord
        {
            ProgramId = id,
            ApprovalId = ApprovalId,
            Kind = ApprovalKind.Nomination,
            Title = "Ana Lopez — mentee nominee, rank 1 of 3",
            SubjectEmail = "ana@example.com",
        };
        await host.Approvals.SaveAsync(stored is null ? prepared : stored(prepared), default);
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ApprovalOrchestrator),
            new ApprovalRequest(id, BatchId, ApprovalKind.Nomination, [ApprovalId], Leader),
            new StartOrchestrationOptions(ApprovalEvents.InstanceId(id, BatchId)));
        return id;
    }

    private Task BounceAsync(string id, string email, int level) =>
        host.Host.Client.RaiseEventAsync(ApprovalEvents.InstanceId(id, BatchId), ApprovalEvents.Bounced, new ApprovalBounce(email, level));

    /// <summary>Waits until the approval waits for <paramref name="approver"/> and the request to them is audited and sent.</summary>
    private Task WaitForApproverAsync(string id, string approver, string action) => WorkflowTestHost.EventuallyAsync(
        async () => (await host.Approvals.GetAsync(id, ApprovalId, default))?.Approver?.Email == approver
            && (await host.Audit.ListAsync(id, default)).Any(e => e.Action == action && e.Details.Contains(approver, StringComparison.Ordinal))
            && host.Email.Sent.Any(m => m.To[0].Email == approver),
        $"the nomination was asked of {approver}");

    /// <summary>What the link handler does: store the decision, then tell the orchestration; then waits for it to end.</summary>
    private async Task<OrchestrationMetadata> DecideAndCompleteAsync(string id, string by)
    {
        var decision = new ApprovalDecision(true, by, DateTimeOffset.UtcNow, null, "link");
        await host.Approvals.DecideAsync(id, ApprovalId, decision, default);
        await host.Host.Client.RaiseEventAsync(ApprovalEvents.InstanceId(id, BatchId), ApprovalEvents.DecisionFor(ApprovalId), decision);
        return await WaitForCompletionAsync(id, TimeSpan.FromSeconds(20));
    }

    private async Task<OrchestrationMetadata> WaitForCompletionAsync(string id, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await host.Host.Client.WaitForInstanceCompletionAsync(ApprovalEvents.InstanceId(id, BatchId), cancel.Token);
    }
}
