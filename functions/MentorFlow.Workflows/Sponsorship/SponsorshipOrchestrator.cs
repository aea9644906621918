using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Sponsorship;

/// <summary>
/// The Sponsorship stage: the executive sponsor is asked to endorse the program (approving needs a message); a decline
/// ends the program. Once endorsed, the message is the first story and the leaders' pledge requests are prepared — the
/// program collects them while it goes on.
/// </summary>
public sealed class SponsorshipOrchestrator : TaskOrchestrator<StageInput, SponsorshipOutcome>
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    /// <inheritdoc />
    public override async Task<SponsorshipOutcome> RunAsync(TaskOrchestrationContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var batch = await context.CallActivityAsync<ApprovalBatch>(nameof(PrepareEndorsementActivity), input.ProgramId, Retry);
        var decision = (await ApprovalBatches.RunAsync(context, input.ProgramId, batch))[0].Decision;
        if (!decision.Approved)
        {
            var by = decision.DecidedBy == AuditActors.System ? "the timeout policy" : decision.DecidedBy;
            var note = string.IsNullOrWhiteSpace(decision.Comment) ? "" : $" ({decision.Comment})";
            var reason = $"Sponsor endorsement declined by {by}{note}";
            return new SponsorshipOutcome(new StageResult(reason, new Dictionary<string, int>()), reason + ".", []);
        }

        return await context.CallActivityAsync<SponsorshipOutcome>(
            nameof(RecordEndorsementActivity), new EndorsementRecord(input.ProgramId, decision, context.CurrentUtcDateTime), Retry);
    }
}
