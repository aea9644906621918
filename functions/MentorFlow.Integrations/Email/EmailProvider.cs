namespace MentorFlow.Integrations.Email;

/// <summary>Which provider delivers MentorFlow's email (<c>MentorFlow:Email:Provider</c>).</summary>
public enum EmailProvider
{
    /// <summary>Writes every message as an .eml file into <c>MentorFlow:Email:OutboxDirectory</c>; nothing leaves the machine.</summary>
    Outbox,

    /// <summary>Sends through SendGrid's v3 mail/send API.</summary>
    SendGrid,
}
