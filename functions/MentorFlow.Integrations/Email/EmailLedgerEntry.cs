namespace MentorFlow.Integrations.Email;

/// <summary>One idempotency key's row in the email ledger.</summary>
public sealed record EmailLedgerEntry(
    string ProgramId,
    string Key,
    string Purpose,
    EmailLedgerState State,
    string? MessageId,
    DateTimeOffset? SentAt);
