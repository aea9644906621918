using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Sponsorship;
using MentorFlow.Workflows.Stories;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Stages;

/// <summary>
/// The stage machine of one mentoring program. It only orchestrates: every read and write is an activity,
/// and only the program id travels through history.
/// </summary>
public sealed class ProgramOrchestrator : TaskOrchestrator<ProgramOrchestrationInput, ProgramOutcome>
{
    private static readonly int StageCount = Enum.GetValues<StageName>().Length;

    // Storage hiccups are retried; a definition that cannot be processed fails after the last attempt.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    /// <summary>The approval id of the program manager's charter confirmation.</summary>
    public const string CharterApprovalId = ActivityStageOrchestrator.CharterApprovalId;

    // Every stage, in order: Define, Roles and Criteria through ActivityStageOrchestrator, the others through
    // sub-orchestrations of their own.
    private static readonly StageName[] ImplementedStages = Enum.GetValues<StageName>();

    /// <inheritdoc />
    public override async Task<ProgramOutcome> RunAsync(TaskOrchestrationContext context, ProgramOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<ProgramOrchestrator>();
        var finished = 0;

        var run = new ProgramRun();
        try
        {
            foreach (var stage in ImplementedStages)
            {
                if (stage == StageName.Rollout && run.SkipRollout is { } why)
                {
                    await context.CallActivityAsync(
                        nameof(SkipStageActivity), new StageChange(input.ProgramId, stage, context.CurrentUtcDateTime, new StageResult(why, new Dictionary<string, int>())), Retry);
                    finished++;
                    continue;
                }

                var stop = await RunStageAsync(context, input.ProgramId, stage, finished, run);
                if (stop is { Ended: true })
                {
                    // The program was ended from outside (cancelled) while it ran: its record already says how.
                    logger.LogInformation("Program {ProgramId} ended before the {Stage} stage", input.ProgramId, stage);
                    return new ProgramOutcome(ProgramStatus.Cancelled, "The program was ended before this stage.");
                }

                if (stop is { Reason: { } reason })
                {
                    await FinishAsync(context, input.ProgramId, ProgramStatus.Declined, reason, "not reached: " + reason, finished);
                    return new ProgramOutcome(ProgramStatus.Declined, reason);
                }

                finished++;
            }

            if (run.Pledges.Count > 0)
            {
                // Leaders' pledges never block the program; they are counted once all are in (or timed out).
                context.SetCustomStatus(new ProgramCustomStatus(nameof(ProgramStatus.Running), null, ["Leader pledges"], finished, StageCount));
                await Task.WhenAll(run.Pledges);
                await context.CallActivityAsync<int>(
                    nameof(RecordPledgesActivity), new StageInput(input.ProgramId, context.CurrentUtcDateTime), Retry);
            }
        }
        catch (TaskFailedException failure)
        {
            var reason = failure.FailureDetails.ErrorMessage;
            logger.LogWarning("Program {ProgramId} failed in a stage: {Reason}", input.ProgramId, reason);
            await FinishAsync(context, input.ProgramId, ProgramStatus.Failed, reason, "not reached: the program failed", finished);
            return new ProgramOutcome(ProgramStatus.Failed, reason);
        }

        await FinishAsync(context, input.ProgramId, ProgramStatus.Completed, reason: null, "not reached", finished);
        logger.LogInformation("Program {ProgramId} completed after {Stages} stages", input.ProgramId, finished);
        return new ProgramOutcome(ProgramStatus.Completed, null);
    }

    /// <summary>
    /// Runs one stage and, where it has one, its approval gate. Null when the stage is done and the program goes on;
    /// otherwise why it stops: ended from outside before the stage ran, or the gate was declined.
    /// </summary>
    private static async Task<StageStop?> RunStageAsync(
        TaskOrchestrationContext context, string programId, StageName stage, int finishedBefore, ProgramRun run)
    {
        context.SetCustomStatus(new ProgramCustomStatus(nameof(ProgramStatus.Running), stage.ToString(), [], finishedBefore, StageCount));
        var started = await context.CallActivityAsync<bool>(
            nameof(StartStageActivity), new StageChange(programId, stage, context.CurrentUtcDateTime), Retry);
        if (!started)
        {
            return new StageStop(Ended: true, Reason: null);
        }

        StageResult result;
        StageStop? stop = null;
        var input = new StageInput(programId, context.CurrentUtcDateTime);
        var instanceId = new SubOrchestrationOptions { InstanceId = ProgramInstances.StageInstanceId(programId, stage) };
        switch (stage)
        {
            case StageName.Sponsorship:
                var sponsorship = await context.CallSubOrchestratorAsync<SponsorshipOutcome>(nameof(SponsorshipOrchestrator), input, instanceId);
                result = sponsorship.Result;
                if (sponsorship.DeclinedReason is { } declined)
                {
                    stop = new StageStop(Ended: false, Reason: declined);
                }

                // Started now, awaited before the program finishes: pledges are collected while the pilot runs.
                run.Pledges.AddRange(sponsorship.Pledges.Select(b => ApprovalBatches.RunAsync(context, programId, b)));
                return await CompleteAsync(context, programId, stage, result, finishedBefore, stop);

            case StageName.Pilot or StageName.Rollout:
                var cohort = await context.CallSubOrchestratorAsync<CohortOutcome>(nameof(CohortOrchestrator), new CohortInput(programId, stage), instanceId);
                if (stage == StageName.Pilot && !cohort.Go)
                {
                    run.SkipRollout = "skipped: the pilot ended without a go (" + cohort.Result.Summary + ")";
                }

                return await CompleteAsync(context, programId, stage, cohort.Result, finishedBefore, stop);

            case StageName.Stories:
                result = await context.CallSubOrchestratorAsync<StageResult>(nameof(StoriesOrchestrator), input, instanceId);
                return await CompleteAsync(context, programId, stage, result, finishedBefore, stop);
        }

        // Define, Roles and Criteria: an activity, and the approvals it ends with.
        var report = await context.CallSubOrchestratorAsync<StageReport>(nameof(ActivityStageOrchestrator), new StageRun(programId, stage, input.At), instanceId);
        if (report.DeclinedReason is { } reason)
        {
            stop = new StageStop(Ended: false, Reason: reason);
        }

        return await CompleteAsync(context, programId, stage, report.Result, finishedBefore, stop);
    }

    private static async Task<StageStop?> CompleteAsync(
        TaskOrchestrationContext context, string programId, StageName stage, StageResult result, int finishedBefore, StageStop? stop)
    {
        await context.CallActivityAsync(
            nameof(CompleteStageActivity), new StageChange(programId, stage, context.CurrentUtcDateTime, result), Retry);
        context.SetCustomStatus(new ProgramCustomStatus(nameof(ProgramStatus.Running), stage.ToString(), [], finishedBefore + 1, StageCount));
        return stop;
    }

    private sealed record StageStop(bool Ended, string? Reason);

    /// <summary>What the program carries from one stage to the next: the pledges being collected, and whether the rollout is off.</summary>
    private sealed class ProgramRun
    {
        public List<Task<IReadOnlyList<ApprovalResult>>> Pledges { get; } = [];

        public string? SkipRollout { get; set; }
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
