using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// A batch of approvals by email, reusable by every stage: one email to one approver listing every approval of the
/// batch, each with its own signed links; then the decisions race durable timers — a reminder (listing what is still
/// open) at each of the program's reminder offsets, then at the timeout the program's policy for what is still open
/// (approve, decline, or escalate to the approver's manager, else the program manager). A bounce of the current
/// level's email escalates at once; a bounce of another level's email, or one delivered again, changes nothing.
/// Timers are cancelled when the last decision arrives. Returns every approval's decision.
/// </summary>
public sealed class ApprovalOrchestrator : TaskOrchestrator<ApprovalRequest, IReadOnlyList<ApprovalResult>>
{
    /// <summary>How many times a request may be passed on before silence counts as a decline.</summary>
    public const int MaxEscalations = 5;

    // Transient failures are retried; a refusal by the email provider is permanent and fails at once, with its text.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2)
        {
            HandleFailure = failure => !failure.IsCausedBy<EmailSendException>(),
        });

    /// <inheritdoc />
    public override async Task<IReadOnlyList<ApprovalResult>> RunAsync(TaskOrchestrationContext context, ApprovalRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<ApprovalOrchestrator>();

        // One wait per approval for the whole orchestration: a second wait for the same event would split it.
        var waits = input.ApprovalIds.ToDictionary(
            id => id, id => context.WaitForExternalEvent<ApprovalDecision>(ApprovalEvents.DecisionFor(id)), StringComparer.Ordinal);
        var results = new Dictionary<string, ApprovalDecision>(StringComparer.Ordinal);

        // Likewise one wait for bounces at a time, kept across levels (a wait given up would swallow the next bounce);
        // each bounce taken counts only if it is of the current level's request.
        var bounces = new BounceWait(context);
        Person? approver = input.Approver;
        Person? previous = null;

        for (var level = 0; ; level++)
        {
            var open = input.ApprovalIds.Where(id => !results.ContainsKey(id)).ToList();

            // The timers below run from the times the activity returns: those first stored for this level, should the
            // request be delivered again after a restart.
            var sent = await context.CallActivityAsync<ApprovalSent>(
                nameof(SendApprovalRequestActivity),
                new ApprovalSend(input.ProgramId, input.BatchId, input.Kind, open, approver, level, context.CurrentUtcDateTime, context.InstanceId)
                {
                    EscalatedFrom = previous?.Name,
                },
                Retry);
            context.SetCustomStatus(new { waitingFor = input.Kind.ToString(), approver = sent.Approver.Email, open = open.Count, dueAt = sent.DueAt, level });

            using var timers = new CancellationTokenSource();
            var stop = await WaitAsync(context, logger, input, sent, level, waits, results, bounces, timers);
            CancelTimers(timers);
            if (stop == Stop.AllDecided)
            {
                return Ordered(input, results);
            }

            // A batch's own policy (silence is no pledge, no acceptance) also covers a bounce: it is never passed on.
            var action = input.OnTimeout ?? (stop == Stop.Bounced ? ApprovalTimeoutActions.Escalate : sent.Policy.OnTimeout);
            logger.LogInformation("Approvals {BatchId} of {ProgramId}: no decision, applying {Action}", input.BatchId, input.ProgramId, action);
            if (action != ApprovalTimeoutActions.Escalate)
            {
                var approved = action == ApprovalTimeoutActions.Approve;
                var why = stop == Stop.Bounced ? $"The email to {sent.Approver.Email} bounced" : $"No answer by {sent.DueAt:u}";
                var whose = input.OnTimeout is null ? "the program's policy" : "the policy for this request";
                await DecideRemainingAsync(context, input, results, new ApprovalDecision(
                    approved, AuditActors.System, context.CurrentUtcDateTime,
                    $"{why}; {whose} {(approved ? "approves" : "declines")} it.", stop == Stop.Bounced ? "bounce" : "timeout"));
                return Ordered(input, results);
            }

            previous = sent.Approver;
            approver = level < MaxEscalations
                ? await context.CallActivityAsync<Person?>(
                    nameof(ResolveEscalationTargetActivity), new EscalationQuery(input.ProgramId, open[0]), Retry)
                : null;
            if (approver is null)
            {
                await DecideRemainingAsync(context, input, results, new ApprovalDecision(
                    false, AuditActors.System, context.CurrentUtcDateTime,
                    "No answer, and nobody left to pass the request to; declined.", "timeout"));
                return Ordered(input, results);
            }
        }
    }

    private enum Stop
    {
        AllDecided,
        Bounced,
        TimedOut,
    }

    /// <summary>
    /// Collects decisions through the reminders and the timeout, until all are decided, this level's request bounced,
    /// or time ran out. A bounce of another level's email (delivered again, or late) or from another address is
    /// passed over.
    /// </summary>
    private static async Task<Stop> WaitAsync(
        TaskOrchestrationContext context,
        ILogger logger,
        ApprovalRequest input,
        ApprovalSent sent,
        int level,
        Dictionary<string, Task<ApprovalDecision>> waits,
        Dictionary<string, ApprovalDecision> results,
        BounceWait bounces,
        CancellationTokenSource timers)
    {
        var reminders = sent.Policy.Reminders.Select(r => r.AddTo(sent.RequestedAt)).ToList();
        var next = 0;
        var timer = context.CreateTimer((next < reminders.Count ? reminders[next] : sent.DueAt).UtcDateTime, timers.Token);
        while (results.Count < waits.Count)
        {
            var open = waits.Where(w => !results.ContainsKey(w.Key)).ToList();
            var bounced = bounces.Next;
            var winner = await Task.WhenAny([.. open.Select(w => (Task)w.Value), bounced, timer]);
            if (winner == bounced)
            {
                var bounce = await bounces.TakeAsync();
                if (bounce.IsFor(sent.Approver.Email, level))
                {
                    return Stop.Bounced;
                }

                logger.LogInformation(
                    "Approvals {BatchId} of {ProgramId}: a bounce of the level {BounceLevel} email passed over at level {Level}",
                    input.BatchId, input.ProgramId, bounce.Level, level);
                continue;
            }

            if (winner != timer)
            {
                var (id, decision) = open.First(w => w.Value == winner);
                results[id] = await CompleteAsync(context, input, id, decision.Result);
                continue;
            }

            if (next >= reminders.Count)
            {
                return Stop.TimedOut;
            }

            await context.CallActivityAsync(
                nameof(SendApprovalReminderActivity),
                new ApprovalReminder(input.ProgramId, input.BatchId, [.. open.Select(w => w.Key)], level, next + 1, context.CurrentUtcDateTime),
                Retry);
            next++;
            timer = context.CreateTimer((next < reminders.Count ? reminders[next] : sent.DueAt).UtcDateTime, timers.Token);
        }

        return Stop.AllDecided;
    }

    private static async Task DecideRemainingAsync(
        TaskOrchestrationContext context, ApprovalRequest input, Dictionary<string, ApprovalDecision> results, ApprovalDecision decision)
    {
        foreach (var id in input.ApprovalIds.Where(id => !results.ContainsKey(id)).ToList())
        {
            results[id] = await CompleteAsync(context, input, id, decision);
        }
    }

    private static Task<ApprovalDecision> CompleteAsync(TaskOrchestrationContext context, ApprovalRequest input, string approvalId, ApprovalDecision decision) =>
        context.CallActivityAsync<ApprovalDecision>(
            nameof(CompleteApprovalActivity), new ApprovalCompletion(input.ProgramId, approvalId, decision), Retry);

    private static List<ApprovalResult> Ordered(ApprovalRequest input, Dictionary<string, ApprovalDecision> results) =>
        [.. input.ApprovalIds.Select(id => new ApprovalResult(id, results[id]))];

    /// <summary>The one pending wait for <see cref="ApprovalEvents.Bounced"/>; taking its bounce starts the next wait.</summary>
    private sealed class BounceWait(TaskOrchestrationContext context)
    {
        public Task<ApprovalBounce> Next { get; private set; } = context.WaitForExternalEvent<ApprovalBounce>(ApprovalEvents.Bounced);

        public async Task<ApprovalBounce> TakeAsync()
        {
            var bounce = await Next;
            Next = context.WaitForExternalEvent<ApprovalBounce>(ApprovalEvents.Bounced);
            return bounce;
        }
    }

    // Cancel synchronously: an orchestrator must stay on its own thread (CancelAsync runs callbacks elsewhere).
#pragma warning disable CA1849
    private static void CancelTimers(CancellationTokenSource timers) => timers.Cancel();
#pragma warning restore CA1849
}
