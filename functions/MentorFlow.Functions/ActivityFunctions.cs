using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Stages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions;

/// <summary>
/// Hand-written activity triggers: each resolves the activity class from MentorFlow.Workflows with its ports
/// injected, and runs it under the class's name, exactly as the local host does.
/// </summary>
public static class ActivityFunctions
{
    [Function(nameof(StartStageActivity))]
    public static Task<bool> RunStartStageActivity([ActivityTrigger] StageChange input, string instanceId, FunctionContext context) =>
        RunAsync<StartStageActivity, StageChange, bool>(input, instanceId, context);

    [Function(nameof(CompleteStageActivity))]
    public static Task<bool> RunCompleteStageActivity([ActivityTrigger] StageChange input, string instanceId, FunctionContext context) =>
        RunAsync<CompleteStageActivity, StageChange, bool>(input, instanceId, context);

    [Function(nameof(FinishProgramActivity))]
    public static Task<bool> RunFinishProgramActivity([ActivityTrigger] ProgramFinish input, string instanceId, FunctionContext context) =>
        RunAsync<FinishProgramActivity, ProgramFinish, bool>(input, instanceId, context);

    [Function(nameof(DefineStageActivity))]
    public static Task<StageResult> RunDefineStageActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<DefineStageActivity, StageInput, StageResult>(input, instanceId, context);

    [Function(nameof(RolesStageActivity))]
    public static Task<StageResult> RunRolesStageActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<RolesStageActivity, StageInput, StageResult>(input, instanceId, context);

    [Function(nameof(CriteriaStageActivity))]
    public static Task<StageResult> RunCriteriaStageActivity([ActivityTrigger] StageInput input, string instanceId, FunctionContext context) =>
        RunAsync<CriteriaStageActivity, StageInput, StageResult>(input, instanceId, context);

    [Function(nameof(SendApprovalRequestActivity))]
    public static Task<ApprovalSent> RunSendApprovalRequestActivity([ActivityTrigger] ApprovalSend input, string instanceId, FunctionContext context) =>
        RunAsync<SendApprovalRequestActivity, ApprovalSend, ApprovalSent>(input, instanceId, context);

    [Function(nameof(SendApprovalReminderActivity))]
    public static Task<bool> RunSendApprovalReminderActivity([ActivityTrigger] ApprovalReminder input, string instanceId, FunctionContext context) =>
        RunAsync<SendApprovalReminderActivity, ApprovalReminder, bool>(input, instanceId, context);

    [Function(nameof(ResolveEscalationTargetActivity))]
    public static Task<Person?> RunResolveEscalationTargetActivity([ActivityTrigger] EscalationQuery input, string instanceId, FunctionContext context) =>
        RunAsync<ResolveEscalationTargetActivity, EscalationQuery, Person?>(input, instanceId, context);

    [Function(nameof(CompleteApprovalActivity))]
    public static Task<ApprovalDecision> RunCompleteApprovalActivity([ActivityTrigger] ApprovalCompletion input, string instanceId, FunctionContext context) =>
        RunAsync<CompleteApprovalActivity, ApprovalCompletion, ApprovalDecision>(input, instanceId, context);

    internal static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, string instanceId, FunctionContext context)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(context.InstanceServices);
        return activity.RunAsync(new FunctionsActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
