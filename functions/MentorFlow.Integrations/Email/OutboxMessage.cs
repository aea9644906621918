namespace MentorFlow.Integrations.Email;

/// <summary>
/// One message in the local outbox, as <c>GET /api/dev/outbox</c> shows it. <see cref="Links"/> holds MentorFlow's own
/// links (under <c>MentorFlow:PublicBaseUrl</c>) of the text and HTML bodies, once each, in order of appearance,
/// HTML-decoded; other URLs the email quotes are not listed.
/// </summary>
public sealed record OutboxMessage(
    string Id,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    DateTimeOffset SentAt,
    string Text,
    string Html,
    IReadOnlyList<string> Links,
    string ProgramId,
    string Purpose);
