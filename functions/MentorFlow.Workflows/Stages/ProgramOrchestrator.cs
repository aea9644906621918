using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Stages;

/// <summary>
/// The stage machine of one mentoring program. It only orchestrates: every read and write is an activity,
/// and only the program id travels through history.
/// </summary>
public sealed class ProgramOrchestrator : TaskOrchestrator<ProgramOrchestrationInput, ProgramOutcome>
{
    /// <summary>Summary on every stage this version does not implement yet.</summary>
    public const string NotAvailableSummary = "not available in this version";

    private static readonly int StageCount = Enum.GetValues<StageName>().Length;

    // Storage hiccups are retried; a definition that cannot be processed fails after the last attempt.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    // The stages this version implements, in order, each with the activity that does its work.
    private static readonly (StageName Stage, string Activity)[] ImplementedStages =
    [
        (StageName.Define, nameof(DefineStageActivity)),
        (StageName.Roles, nameof(RolesStageActivity)),
    ];

    /// <inheritdoc />
    public override async Task<ProgramOutcome> RunAsync(TaskOrchestrationContext context, ProgramOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<ProgramOrchestrator>();
        var finished = 0;

        try
        {
            foreach (var (stage, activity) in ImplementedStages)
            {
                if (!await RunStageAsync(context, input.ProgramId, stage, activity, finished))
                {
                    // The program was ended from outside (cancelled) while it ran: its record already says how.
                    logger.LogInformation("Program {ProgramId} ended before the {Stage} stage", input.ProgramId, stage);
                    return new ProgramOutcome(ProgramStatus.Cancelled, "The program was ended before this stage.");
                }

                finished++;
            }
        }
        catch (TaskFailedException failure)
        {
            var reason = failure.FailureDetails.ErrorMessage;
            logger.LogWarning("Program {ProgramId} failed in a stage: {Reason}", input.ProgramId, reason);
            await FinishAsync(context, input.ProgramId, ProgramStatus.Failed, reason, "not reached: the program failed", finished);
            return new ProgramOutcome(ProgramStatus.Failed, reason);
        }

        await FinishAsync(context, input.ProgramId, ProgramStatus.Completed, reason: null, NotAvailableSummary, finished);
        logger.LogInformation("Program {ProgramId} completed after {Stages} stages", input.ProgramId, finished);
        return new ProgramOutcome(ProgramStatus.Completed, null);
    }

    /// <summary>Runs one stage; false when the program had already ended (it is not run then).</summary>
    private static async Task<bool> RunStageAsync(
        TaskOrchestrationContext context, string programId, StageName stage, string activity, int finishedBefore)
    {
        context.SetCustomStatus(new ProgramCustomStatus(nameof(ProgramStatus.Running), stage.ToString(), [], finishedBefore, StageCount));
        var started = await context.CallActivityAsync<bool>(
            nameof(StartStageActivity), new StageChange(programId, stage, context.CurrentUtcDateTime), Retry);
        if (!started)
        {
            return false;
        }

        var result = await context.CallActivityAsync<StageResult>(
            activity, new StageInput(programId, context.CurrentUtcDateTime), Retry);

        await context.CallActivityAsync(
            nameof(CompleteStageActivity), new StageChange(programId, stage, context.CurrentUtcDateTime, result), Retry);
        context.SetCustomStatus(new ProgramCustomStatus(nameof(ProgramStatus.Running), stage.ToString(), [], finishedBefore + 1, StageCount));
        return true;
    }

    private static async Task FinishAsync(
        TaskOrchestrationContext context, string programId, ProgramStatus status, string? reason, string skippedSummary, int finishedCount)
    {
        await context.CallActivityAsync(
            nameof(FinishProgramActivity),
            new ProgramFinish(programId, status, context.CurrentUtcDateTime, reason, skippedSummary),
            Retry);
        context.SetCustomStatus(new ProgramCustomStatus(status.ToString(), null, [], finishedCount, StageCount));
    }
}
