using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stories;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Workflows.Tests.Programs;

public sealed class ProgramInstancesTests
{
    private const string ProgramId = "prg-0192a1b2c3d4e5f60718293a4b5c6d7e";
    private const string OtherProgramId = "prg-0192a1b2c3d4e5f60718293a4b5c6d7f";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [Fact]
    public void BelongsTo_EveryInstanceIdTheWorkflowsDerive_IsTheProgramsAndNoOtherProgramsId()
    {
        string[] derived =
        [
            ProgramId,
            .. Enum.GetValues<StageName>().Select(stage => ProgramInstances.StageInstanceId(ProgramId, stage)),
            ApprovalEvents.InstanceId(ProgramId, "charter"),
            ApprovalEvents.InstanceId(ProgramId, "pledge-dana.lee"),
            ApprovalEvents.InstanceId(ProgramId, StoryCuration.BatchId),
        ];

        Assert.All(derived, id => Assert.True(ProgramInstances.BelongsTo(id, ProgramId), id));
        Assert.All(derived, id => Assert.False(ProgramInstances.BelongsTo(id, OtherProgramId), id));
        Assert.False(ProgramInstances.BelongsTo(ProgramId + "0-define", ProgramId));
        Assert.False(ProgramInstances.BelongsTo("prg-0192", ProgramId));
    }

    [Fact]
    public async Task TerminateAllAsync_ProgramWaitingInRolloutWithPledges_TerminatesEveryLiveInstanceProgramFirst()
    {
        var client = new FakeInstanceClient();
        client.Add(ProgramId, OrchestrationRuntimeStatus.Running);
        client.Add(ProgramInstances.StageInstanceId(ProgramId, StageName.Define), OrchestrationRuntimeStatus.Completed);
        client.Add(ApprovalEvents.InstanceId(ProgramId, "charter"), OrchestrationRuntimeStatus.Completed);
        client.Add(ApprovalEvents.InstanceId(ProgramId, "pledge-dana.lee"), OrchestrationRuntimeStatus.Running);
        client.Add(ProgramInstances.StageInstanceId(ProgramId, StageName.Rollout), OrchestrationRuntimeStatus.Running);
        client.Add(ApprovalEvents.InstanceId(ProgramId, "invite-rollout"), OrchestrationRuntimeStatus.Suspended);
        client.Add(OtherProgramId, OrchestrationRuntimeStatus.Running);
        client.Add(ProgramInstances.StageInstanceId(OtherProgramId, StageName.Rollout), OrchestrationRuntimeStatus.Running);

        var result = await ProgramInstances.TerminateAllAsync(client, ProgramId, "Cancelled by Hana.", TimeProvider.System, Settle, CancellationToken.None);

        Assert.Equal(new ProgramTermination(4, Settled: true), result);
        Assert.Equal(ProgramId, client.Terminations[0]);
        string[] live =
        [
            ProgramId,
            ProgramInstances.StageInstanceId(ProgramId, StageName.Rollout),
            ApprovalEvents.InstanceId(ProgramId, "invite-rollout"),
            ApprovalEvents.InstanceId(ProgramId, "pledge-dana.lee"),
        ];
        Assert.Equal(live.Order(StringComparer.Ordinal), client.Terminations.Order(StringComparer.Ordinal));
        Assert.Equal(OrchestrationRuntimeStatus.Running, client.StatusOf(OtherProgramId));
        Assert.Equal(OrchestrationRuntimeStatus.Running, client.StatusOf(ProgramInstances.StageInstanceId(OtherProgramId, StageName.Rollout)));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, client.StatusOf(ApprovalEvents.InstanceId(ProgramId, "charter")));
        Assert.All(client.Prefixes, p => Assert.Equal(ProgramId, p));
    }

    [Fact]
    public async Task TerminateAllAsync_ChildStartedJustBeforeItsParentEnded_IsTerminatedToo()
    {
        var client = new FakeInstanceClient();
        var stage = ProgramInstances.StageInstanceId(ProgramId, StageName.Criteria);
        var approval = ApprovalEvents.InstanceId(ProgramId, "nominations-leader-1");
        client.Add(ProgramId, OrchestrationRuntimeStatus.Running);
        client.Add(stage, OrchestrationRuntimeStatus.Running);

        // The stage had scheduled its approval batch in the same episode in which its termination arrived.
        client.OnTerminated = id =>
        {
            if (id == stage)
            {
                client.Add(approval, OrchestrationRuntimeStatus.Running);
            }
        };

        var result = await ProgramInstances.TerminateAllAsync(client, ProgramId, "Cancelled.", TimeProvider.System, Settle, CancellationToken.None);

        Assert.True(result.Settled);
        Assert.Equal(3, result.Terminated);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, client.StatusOf(approval));
    }

    [Fact]
    public async Task TerminateAllAsync_InstanceEndsOnItsOwnAsItIsTerminated_GoesOnWithTheOthers()
    {
        var client = new FakeInstanceClient();
        var approval = ApprovalEvents.InstanceId(ProgramId, "pledge-dana.lee");
        client.Add(ProgramId, OrchestrationRuntimeStatus.Running);
        client.Add(approval, OrchestrationRuntimeStatus.Running);
        client.EndsBeforeTermination.Add(approval);

        var result = await ProgramInstances.TerminateAllAsync(client, ProgramId, "Cancelled.", TimeProvider.System, Settle, CancellationToken.None);

        Assert.True(result.Settled);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, client.StatusOf(ProgramId));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, client.StatusOf(approval));
    }

    [Fact]
    public async Task TerminateAllAsync_TerminationRefusedForAnInstanceThatStillRuns_Throws()
    {
        var client = new FakeInstanceClient();
        client.Add(ProgramId, OrchestrationRuntimeStatus.Running);
        client.RefusesTermination.Add(ProgramId);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ProgramInstances.TerminateAllAsync(client, ProgramId, "Cancelled.", TimeProvider.System, Settle, CancellationToken.None));
    }

    [Fact]
    public async Task TerminateAllAsync_ProgramNeverStarted_SendsTheTerminationAndDoesNotWaitForAWorker()
    {
        var client = new FakeInstanceClient { WorkerRunning = false };
        client.Add(ProgramId, OrchestrationRuntimeStatus.Pending);

        var result = await ProgramInstances.TerminateAllAsync(client, ProgramId, "Cancelled.", TimeProvider.System, Settle, CancellationToken.None);

        Assert.Equal(new ProgramTermination(1, Settled: true), result);
        Assert.Equal([ProgramId], client.Terminations);
    }

    [Fact]
    public async Task TerminateAllAsync_InstanceThatNeverEnds_GivesUpAfterTheSettleTimeAndSaysSo()
    {
        var client = new FakeInstanceClient { WorkerRunning = false };
        client.Add(ProgramId, OrchestrationRuntimeStatus.Running);

        var result = await ProgramInstances.TerminateAllAsync(client, ProgramId, "Cancelled.", TimeProvider.System, TimeSpan.FromMilliseconds(600), CancellationToken.None);

        Assert.Equal(new ProgramTermination(1, Settled: false), result);
        Assert.Equal([ProgramId], client.Terminations);
    }
}
