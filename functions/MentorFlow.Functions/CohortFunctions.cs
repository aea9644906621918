using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Sponsorship;
using MentorFlow.Workflows.Stages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace MentorFlow.Functions;

/// <summary>
/// Hand-written triggers of the Sponsorship, Pilot and Rollout stages: their orchestrators and activities from
/// MentorFlow.Workflows, each under its class's name, exactly as the local host runs them.
/// </summary>
public static class CohortFunctions
{
    [Function(nameof(SponsorshipOrchestrator))]
    public static Task<SponsorshipOutcome> RunSponsorshipOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<StageInput>()
            ?? throw new InvalidOperationException("The sponsorship orchestration was started without its input.");
        return new SponsorshipOrchestrator().RunAsync(context, input);
    }

    [Function(nameof(CohortOrchestrator))]
    public static Task<CohortOutcome> RunCohortOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<CohortInput>()
            ?? throw new InvalidOperationException("The cohort orchestration was started without its input.");
        return new CohortOrchestrator().RunAsync(context, input);
    }

    [Function(nameof(SkipStageActivity))]
    public static Task<bool> RunSkipStageActivity([ActivityTrigger] StageChange input, string instanceId, FunctionContext context) =>
        ActivityFunctions.RunAsync<SkipStageActivity, StageChange, bool>(input, instanceId, context);

    [Function(nameof(PrepareEndorsementActivity))]
    public static Task<ApprovalBatch> RunPrepareEndorsementActivity([ActivityTrigger] string input, string instanceId, FunctionContext context) =>
        ActivityFunctions.RunAsync<PrepareEndorsementActivity, string, ApprovalBatch>(input, instanceId, context);

    [Function(nameof(RecordEndorsementActivity))]
    public static Task<SponsorshipOutcome> RunRecordEndorsementActivity([ActivityTrigger] EndorsementRecord input, string instanceId, FunctionContext context) =>
        ActivityFunctions.RunAsync<RecordEndorsementActivity, EndorsementRecord, SponsorshipOutcome>(input, instanceId, context);

    [Function(nameof(RecordPledgesActivity))]
    public static Task<int> RunRecordPledgesActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        ActivityFunctions.RunAsync<RecordPledgesActivity, StageInput, int>(input, instanceId, context);

    [Function(nameof(MatchCohortActivity))]
    public static Task<MatchSummary> RunMatchCohortActivity([ActivityTrigger] CohortStep input, string instanceId, FunctionContext context) =>
        ActivityFunctions.RunAsync<MatchCohortActivity, CohortStep, MatchSummary>(input, instanceId, context);

    [Function(nameof(InviteMentorsActivity))]
    public static Task<IReadOnlyList<ApprovalBatch>> RunInviteMentorsActivity([ActivityTrigger] MentorInvite input, string instanceId, FunctionContext context) =>
        ActivityFunctions.RunAsync<InviteMentorsActivity, MentorInvite, IReadOnlyList<ApprovalBatch>>(input, instanceId, context);

    [Function(nameof(KickoffActivity))]
    public static Task<int> RunKickoffActivity([ActivityTrigger] CohortPage input, string instanceId, FunctionContext context) =>
        ActivityFunctions.RunAsync<KickoffActivity, CohortPage, int>(input, instanceId, context);

    [Function(nameof(SendCheckInsActivity))]
    public static Task<int> RunSendCheckInsActivity([ActivityTrigger] CohortPage input, string instanceId, FunctionContext context) =>
        ActivityFunctions.RunAsync<SendCheckInsActivity, CohortPage, int>(input, instanceId, context);

    [Function(nameof(ReviewPilotActivity))]
    public static Task<PilotReview> RunReviewPilotActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        ActivityFunctions.RunAsync<ReviewPilotActivity, StageInput, PilotReview>(input, instanceId, context);
}
