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
/// (approve, decline, or escalate to the approver's manager, else the program manager). A bounced request escalates
/// at once. Timers are cancelled when the last decision arrives. Returns every approval's decision.
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
        Person? approver = input.Approver;

        for (var level = 0; ; level++)
        {
            var open = input.ApprovalIds.Where(id => !results.ContainsKey(id)).ToList();
            var sent = await context.CallActivityAsync<ApprovalSent>(
                nameof(SendApprovalRequestActivity),
                new ApprovalSend(input.ProgramId, input.BatchId, input.Kind, open, approver, level, context.CurrentUtcDateTime, context.InstanceId),
                Retry);
            context.SetCustomStatus(new { waitingFor = input.Kind.ToString(), approver = sent.Approver.Email, open = open.Count, dueAt = sent.DueAt, level });

            using var timers = new CancellationTokenSource();
            var bounced = context.WaitForExternalEvent<string>(ApprovalEvents.Bounced, timers.Token);
            var stop = await WaitAsync(context, input, sent, level, waits, results, bounced, timers);
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

    /// <summary>Collects decisions through the reminders and the timeout, until all are decided, the email bounced, or time ran out.</summary>
    private static async Task<Stop> WaitAsync(
        TaskOrchestrationContext context,
        ApprovalRequest input,
        ApprovalSent sent,
        int level,
        Dictionary<string, Task<ApprovalDecision>> waits,
        Dictionary<string, ApprovalDecision> results,
        Task<string> bounced,
        CancellationTokenSource timers)
    {
        var reminders = sent.Policy.Reminders.Select(r => r.AddTo(sent.RequestedAt)).ToList();
        var next = 0;
        var timer = context.CreateTimer((next < reminders.Count ? reminders[next] : sent.DueAt).UtcDateTime, timers.Token);
        while (results.Count < waits.Count)
        {
            var open = waits.Where(w => !results.ContainsKey(w.Key)).ToList();
            var winner = await Task.WhenAny([.. open.Select(w => (Task)w.Value), bounced, timer]);
            if (winner == bounced)
            {
                return Stop.Bounced;
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

    // Cancel synchronously: an orchestrator must stay on its own thread (CancelAsync runs callbacks elsewhere).
#pragma warning disable CA1849
    private static void CancelTimers(CancellationTokenSource timers) => timers.Cancel();
#pragma warning restore CA1849
}
