using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.SendGridEvents;

/// <summary>
/// <c>POST /api/sendgrid/events</c>: SendGrid's Event Webhook. Only signed batches are read (ECDSA, SendGrid's key from
/// configuration); each event is handled once (by <c>sg_event_id</c>, or by its content where it has none); a bounce or
/// drop of the email an approval waits on escalates that approval one level at once, as an unanswered request would,
/// and only once per email.
/// </summary>
public sealed partial class SendGridEventsEndpoint(
    SendGridWebhookVerifier verifier,
    IOptions<SendGridEventWebhookOptions> options,
    ProcessedEventLog processed,
    IApprovalStore approvals,
    IAuditLog audit,
    ILogger<SendGridEventsEndpoint> logger)
{
    private const int MaxBatchBytes = 4 * 1024 * 1024;

    public async Task<IResult> ReceiveAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (string.IsNullOrWhiteSpace(options.Value.PublicKey))
        {
            return Problems.Create(
                StatusCodes.Status503ServiceUnavailable,
                "The SendGrid event webhook is not configured.",
                $"Set {SendGridEventWebhookOptions.Section}:PublicKey to the verification key SendGrid shows for the Signed Event Webhook.");
        }

        var signature = request.Headers[SendGridWebhookVerifier.SignatureHeader].ToString();
        var timestamp = request.Headers[SendGridWebhookVerifier.TimestampHeader].ToString();
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            return Problems.Create(StatusCodes.Status401Unauthorized, "The event batch is not signed.",
                $"SendGrid signs each batch in the {SendGridWebhookVerifier.SignatureHeader} and {SendGridWebhookVerifier.TimestampHeader} headers.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBatchBytes)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "The event batch is too large.");
        }

        var payload = buffer.ToArray();
        if (!verifier.Verify(payload, signature, timestamp))
        {
            LogRejected(logger);
            return Problems.Create(StatusCodes.Status403Forbidden, "The event batch signature is not valid.",
                "The batch was changed, signed with another key, or its timestamp is too old.");
        }

        IReadOnlyList<SendGridEvent> events;
        try
        {
            events = SendGridEventParser.Parse(payload);
        }
        catch (SendGridEventFormatException e)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "The event batch is not SendGrid's event JSON.", e.Message);
        }

        var handled = 0;
        foreach (var sendGridEvent in events)
        {
            if (await processed.OnceAsync(
                ProcessedEventLog.EventKey(sendGridEvent), () => HandleAsync(sendGridEvent, client, cancellationToken), cancellationToken))
            {
                handled++;
            }
        }

        return Results.Json(new { received = events.Count, escalated = handled }, MentorFlowJson.Options);
    }

    /// <summary>Escalates the approval whose request bounced or was dropped; true when it did.</summary>
    private async Task<bool> HandleAsync(SendGridEvent sendGridEvent, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (sendGridEvent.EventType is not ("bounce" or "dropped") || ApprovalEmailKey.Parse(sendGridEvent.MentorFlowKey) is not { } key)
        {
            return false;
        }

        // Only a bounce of the email of the level the approval waits at, from the approver it waits for, counts.
        var instanceId = ApprovalEvents.InstanceId(key.ProgramId, key.BatchId);
        var open = (await approvals.ListAsync(key.ProgramId, cancellationToken))
            .Where(a => a.Status == ApprovalStatus.Pending && a.InstanceId == instanceId && a.EscalationLevel == key.Level
                && a.Approver?.Email.Equals(sendGridEvent.Email, StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        if (open.Count == 0)
        {
            return false;
        }

        // One email bounces once, however many events SendGrid reports it in (a bounce and a drop, a new event id).
        return await processed.OnceAsync(
            ProcessedEventLog.BounceKey(sendGridEvent.MentorFlowKey!, sendGridEvent.Email),
            async () =>
            {
                await audit.AppendAsync(
                    key.ProgramId,
                    new AuditEntry(sendGridEvent.Timestamp, "sendgrid", "ApprovalEmailBounced",
                        $"The {ApprovalTexts.Describe(open[0].Kind)} email to {sendGridEvent.Email} was {(sendGridEvent.EventType == "bounce" ? "bounced" : "dropped")}"
                        + (sendGridEvent.Reason is { Length: > 0 } reason ? $": {reason}" : ".") + " Escalating."),
                    cancellationToken);
                await client.RaiseEventAsync(
                    instanceId, ApprovalEvents.Bounced, new ApprovalBounce(sendGridEvent.Email, key.Level), cancellationToken);
                LogBounced(logger, key.ProgramId, key.BatchId, key.Level);
                return true;
            },
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A SendGrid event batch with an invalid signature was rejected")]
    private static partial void LogRejected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approvals {BatchId} of program {ProgramId}: the level {Level} email bounced, escalating")]
    private static partial void LogBounced(ILogger logger, string programId, string batchId, int level);
}
