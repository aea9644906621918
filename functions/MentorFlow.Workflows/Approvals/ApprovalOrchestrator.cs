using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// One approval by email, reusable by every stage: send the request, then race the decision against durable
/// timers — a reminder at each of the program's reminder offsets, then at the timeout the program's policy
/// (approve, decline, or escalate to the approver's manager, else the program manager). A bounced request
/// escalates at once. Timers are cancelled when the decision arrives. Returns the decision that counted.
/// </summary>
public sealed class ApprovalOrchestrator : TaskOrchestrator<ApprovalRequest, ApprovalDecision>
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
    public override async Task<ApprovalDecision> RunAsync(TaskOrchestrationContext context, ApprovalRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<ApprovalOrchestrator>();

        // One wait for the decision across every escalation: a second wait for the same event would split it.
        var decision = context.WaitForExternalEvent<ApprovalDecision>(ApprovalEvents.Decision);
        Person? approver = input.Approver;

        for (var level = 0; ; level++)
        {
            var sent = await context.CallActivityAsync<ApprovalSent>(
                nameof(SendApprovalRequestActivity),
                new ApprovalSend(input.ProgramId, input.ApprovalId, input.Kind, approver, level, context.CurrentUtcDateTime),
                Retry);
            context.SetCustomStatus(new { waitingFor = input.Kind.ToString(), approver = sent.Approver.Email, dueAt = sent.DueAt, level });

            using var timers = new CancellationTokenSource();
            var bounced = context.WaitForExternalEvent<string>(ApprovalEvents.Bounced, timers.Token);
            var outcome = await WaitAsync(context, input, sent, level, decision, bounced, timers);
            if (outcome is { } decided)
            {
                return await CompleteAsync(context, input, decided);
            }

            var action = bounced.IsCompletedSuccessfully ? ApprovalTimeoutActions.Escalate : sent.Policy.OnTimeout;
            logger.LogInformation("Approval {ApprovalId} of {ProgramId}: no decision, applying {Action}", input.ApprovalId, input.ProgramId, action);
            if (action != ApprovalTimeoutActions.Escalate)
            {
                var approved = action == ApprovalTimeoutActions.Approve;
                return await CompleteAsync(context, input, new ApprovalDecision(
                    approved, AuditActors.System, context.CurrentUtcDateTime,
                    $"No answer by {sent.DueAt:u}; the program's policy {(approved ? "approves" : "declines")} it.", "timeout"));
            }

            approver = level < MaxEscalations
                ? await context.CallActivityAsync<Person?>(
                    nameof(ResolveEscalationTargetActivity), new EscalationQuery(input.ProgramId, input.ApprovalId), Retry)
                : null;
            if (approver is null)
            {
                return await CompleteAsync(context, input, new ApprovalDecision(
                    false, AuditActors.System, context.CurrentUtcDateTime,
                    "No answer, and nobody left to pass the request to; declined.", "timeout"));
            }
        }
    }

    /// <summary>Waits for a decision through the reminders and the timeout; null when none came (or the email bounced).</summary>
    private static async Task<ApprovalDecision?> WaitAsync(
        TaskOrchestrationContext context,
        ApprovalRequest input,
        ApprovalSent sent,
        int level,
        Task<ApprovalDecision> decision,
        Task<string> bounced,
        CancellationTokenSource timers)
    {
        var reminders = sent.Policy.Reminders.Select(r => r.AddTo(sent.RequestedAt)).ToList();
        for (var i = 0; i <= reminders.Count; i++)
        {
            var fireAt = i < reminders.Count ? reminders[i] : sent.DueAt;
            var timer = context.CreateTimer(fireAt.UtcDateTime, timers.Token);
            var winner = await Task.WhenAny(decision, bounced, timer);
            if (winner == decision)
            {
                CancelTimers(timers);
                return decision.Result;
            }

            if (winner == bounced)
            {
                CancelTimers(timers);
                return null;
            }

            if (i < reminders.Count)
            {
                await context.CallActivityAsync(
                    nameof(SendApprovalReminderActivity),
                    new ApprovalReminder(input.ProgramId, input.ApprovalId, level, i + 1, context.CurrentUtcDateTime),
                    Retry);
            }
        }

        CancelTimers(timers);
        return null;
    }

    private static Task<ApprovalDecision> CompleteAsync(TaskOrchestrationContext context, ApprovalRequest input, ApprovalDecision decision) =>
        context.CallActivityAsync<ApprovalDecision>(
            nameof(CompleteApprovalActivity), new ApprovalCompletion(input.ProgramId, input.ApprovalId, decision), Retry);

    // Cancel synchronously: an orchestrator must stay on its own thread (CancelAsync runs callbacks elsewhere).
#pragma warning disable CA1849
    private static void CancelTimers(CancellationTokenSource timers) => timers.Cancel();
#pragma warning restore CA1849
}
