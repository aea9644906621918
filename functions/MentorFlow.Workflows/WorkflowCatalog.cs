using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Sponsorship;
using MentorFlow.Workflows.Stages;
using MentorFlow.Workflows.Stories;

namespace MentorFlow.Workflows;

/// <summary>
/// Every orchestrator and activity MentorFlow runs, by type. Both hosts register exactly these (the Functions
/// app through hand-written wrappers), each under its class name; a test checks the Functions app has them all.
/// </summary>
public static class WorkflowCatalog
{
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(ProgramOrchestrator),
        typeof(ApprovalOrchestrator),
        typeof(ActivityStageOrchestrator),
        typeof(SponsorshipOrchestrator),
        typeof(CohortOrchestrator),
        typeof(StoriesOrchestrator),
    ];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(StartStageActivity),
        typeof(CompleteStageActivity),
        typeof(FinishProgramActivity),
        typeof(DefineStageActivity),
        typeof(RolesStageActivity),
        typeof(CriteriaStageActivity),
        typeof(SendApprovalRequestActivity),
        typeof(SendApprovalReminderActivity),
        typeof(ResolveEscalationTargetActivity),
        typeof(CompleteApprovalActivity),
        typeof(SkipStageActivity),
        typeof(PrepareEndorsementActivity),
        typeof(RecordEndorsementActivity),
        typeof(RecordPledgesActivity),
        typeof(MatchCohortActivity),
        typeof(InviteMentorsActivity),
        typeof(KickoffActivity),
        typeof(SendCheckInsActivity),
        typeof(ReviewPilotActivity),
        typeof(ScheduleStoriesActivity),
        typeof(RequestStoriesActivity),
        typeof(SendStoryRequestsActivity),
        typeof(CountStoriesActivity),
        typeof(PrepareStoryCurationActivity),
        typeof(PublishStoriesActivity),
        typeof(SendDigestActivity),
        typeof(SuggestNextCohortActivity),
    ];
}
