using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stages;

/// <summary>
/// The Define, Roles and Criteria stages, each as a sub-orchestration of its own: the stage's activity does the work;
/// where the stage ends with a person's confirmation by email, its approval gate follows (the charter confirmation);
/// where the activity hands back approval batches of its own (the Criteria stage's nominations, one batch per sales
/// leader), the stage waits for every decision. Returns the stage's result (without the batches) and, when the gate
/// was declined, why the program stops.
/// </summary>
public sealed class ActivityStageOrchestrator : TaskOrchestrator<StageRun, StageReport>
{
    /// <summary>The approval id of the program manager's charter confirmation.</summary>
    public const string CharterApprovalId = "charter";

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    /// <summary>The stages run this way, each with its activity and, where it has one, the approval that gates it.</summary>
    public static IReadOnlyList<(StageName Stage, string Activity, ApprovalKind? Gate)> Stages { get; } =
    [
        (StageName.Define, nameof(DefineStageActivity), ApprovalKind.CharterConfirmation),
        (StageName.Roles, nameof(RolesStageActivity), null),
        (StageName.Criteria, nameof(CriteriaStageActivity), null),
    ];

    /// <inheritdoc />
    public override async Task<StageReport> RunAsync(TaskOrchestrationContext context, StageRun input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var (_, activity, gate) = Stages.Single(s => s.Stage == input.Stage);
        var result = await context.CallActivityAsync<StageResult>(activity, new StageInput(input.ProgramId, input.At), Retry);
        string? declined = null;

        if (gate is { } kind)
        {
            context.SetCustomStatus(new { stage = input.Stage.ToString(), waitingFor = new[] { ApprovalTexts.Describe(kind) } });
            var approvalId = kind == ApprovalKind.CharterConfirmation ? CharterApprovalId : kind.ToString();
            var decision = (await ApprovalBatches.RunAsync(context, input.ProgramId, new ApprovalBatch(approvalId, kind, [approvalId], null)))[0].Decision;
            var by = decision.DecidedBy == AuditActors.System ? "the timeout policy" : decision.DecidedBy;
            var note = string.IsNullOrWhiteSpace(decision.Comment) ? "" : $" ({decision.Comment})";
            if (decision.Approved)
            {
                result = result with { Summary = $"{result.Summary}; confirmed by {by}" };
            }
            else
            {
                result = result with { Summary = $"{ApprovalTexts.Describe(kind)} declined by {by}{note}" };
                declined = $"{ApprovalTexts.Describe(kind)} declined by {by}{note}.";
            }
        }

        if (result.Batches is { Count: > 0 } batches)
        {
            // One approval orchestration per approver, all at once; the stage is done when every decision is in.
            context.SetCustomStatus(new
            {
                stage = input.Stage.ToString(),
                waitingFor = batches.Select(b => $"{ApprovalTexts.Describe(b.Kind)}s from {b.Approver?.Email ?? "the program manager"}").ToArray(),
            });
            var decided = await ApprovalBatches.RunAllAsync(context, input.ProgramId, batches);
            var approved = decided.Count(d => d.Decision.Approved);
            result = result with
            {
                Summary = $"{result.Summary}; {approved} approved, {decided.Count - approved} declined",
                Counts = new Dictionary<string, int>(result.Counts) { ["approvedNominations"] = approved, ["declinedNominations"] = decided.Count - approved },
            };
        }

        return new StageReport(result with { Batches = null }, declined);
    }
}
