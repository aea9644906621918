namespace MentorFlow.Integrations.SendGridEvents;

/// <summary>
/// One event of a SendGrid Event Webhook batch, reduced to what MentorFlow acts on: which message it is about
/// (its custom args), what happened, and why.
/// </summary>
/// <param name="EventType">SendGrid's <c>event</c>: processed, delivered, deferred, bounce, dropped, open, click, …</param>
/// <param name="Email">The recipient.</param>
/// <param name="Timestamp">When SendGrid saw the event.</param>
/// <param name="EventId"><c>sg_event_id</c>: unique per event, so a redelivered batch can be recognised.</param>
/// <param name="MessageId"><c>sg_message_id</c>, when SendGrid has assigned one.</param>
/// <param name="Reason">Why a message bounced, was dropped or deferred, when SendGrid says.</param>
/// <param name="BounceType">For bounces, <c>type</c>: "bounce" (rejected) or "blocked" (refused for now).</param>
/// <param name="MentorFlowKey">The <c>mentorflow_key</c> custom arg MentorFlow put on the message.</param>
/// <param name="MentorFlowProgram">The <c>mentorflow_program</c> custom arg: the program the message belongs to.</param>
public sealed record SendGridEvent(
    string EventType,
    string Email,
    DateTimeOffset Timestamp,
    string? EventId,
    string? MessageId,
    string? Reason,
    string? BounceType,
    string? MentorFlowKey,
    string? MentorFlowProgram);
