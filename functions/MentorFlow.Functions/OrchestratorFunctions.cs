using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Stages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace MentorFlow.Functions;

/// <summary>
/// Hand-written orchestrator triggers (the Durable source generator is not available here): each runs the
/// orchestrator class from MentorFlow.Workflows, under the class's name, exactly as the local host does.
/// </summary>
public static class OrchestratorFunctions
{
    [Function(nameof(ProgramOrchestrator))]
    public static Task<ProgramOutcome> RunProgramOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ProgramOrchestrationInput>()
            ?? throw new InvalidOperationException("The program orchestration was started without its input.");
        return new ProgramOrchestrator().RunAsync(context, input);
    }

    [Function(nameof(ActivityStageOrchestrator))]
    public static Task<StageReport> RunActivityStageOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<StageRun>()
            ?? throw new InvalidOperationException("The stage orchestration was started without its input.");
        return new ActivityStageOrchestrator().RunAsync(context, input);
    }

    [Function(nameof(ApprovalOrchestrator))]
    public static Task<IReadOnlyList<ApprovalResult>> RunApprovalOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ApprovalRequest>()
            ?? throw new InvalidOperationException("The approval orchestration was started without its input.");
        return new ApprovalOrchestrator().RunAsync(context, input);
    }
}
