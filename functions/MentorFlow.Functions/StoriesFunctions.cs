using MentorFlow.Workflows.Stages;
using MentorFlow.Workflows.Stories;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions;

/// <summary>
/// Hand-written triggers of the Stories stage: its orchestrator and activities from MentorFlow.Workflows, each under
/// its class's name, exactly as the local host runs them.
/// </summary>
public static class StoriesFunctions
{
    [Function(nameof(StoriesOrchestrator))]
    public static Task<StageResult> RunStoriesOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<StageInput>()
            ?? throw new InvalidOperationException("The stories orchestration was started without its input.");
        return new StoriesOrchestrator().RunAsync(context, input);
    }

    [Function(nameof(ScheduleStoriesActivity))]
    public static Task<StoriesSchedule> RunScheduleStoriesActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<ScheduleStoriesActivity, StageInput, StoriesSchedule>(input, instanceId, context);

    [Function(nameof(RequestStoriesActivity))]
    public static Task<StoryRequests> RunRequestStoriesActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<RequestStoriesActivity, StageInput, StoryRequests>(input, instanceId, context);

    [Function(nameof(SendStoryRequestsActivity))]
    public static Task<int> RunSendStoryRequestsActivity([ActivityTrigger] StoryRequestPage input, string instanceId, FunctionContext context) =>
        RunAsync<SendStoryRequestsActivity, StoryRequestPage, int>(input, instanceId, context);

    [Function(nameof(CountStoriesActivity))]
    public static Task<StoryCounts> RunCountStoriesActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<CountStoriesActivity, StageInput, StoryCounts>(input, instanceId, context);

    [Function(nameof(PrepareStoryCurationActivity))]
    public static Task<StoryCuration> RunPrepareStoryCurationActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<PrepareStoryCurationActivity, StageInput, StoryCuration>(input, instanceId, context);

    [Function(nameof(PublishStoriesActivity))]
    public static Task<CurationOutcome> RunPublishStoriesActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<PublishStoriesActivity, StageInput, CurationOutcome>(input, instanceId, context);

    [Function(nameof(SendDigestActivity))]
    public static Task<DigestSent> RunSendDigestActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<SendDigestActivity, StageInput, DigestSent>(input, instanceId, context);

    [Function(nameof(SuggestNextCohortActivity))]
    public static Task<NextCohortSent> RunSuggestNextCohortActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<SuggestNextCohortActivity, StageInput, NextCohortSent>(input, instanceId, context);

    private static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, string instanceId, FunctionContext context)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(context.InstanceServices);
        return activity.RunAsync(new FunctionsActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
