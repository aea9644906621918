namespace MentorFlow.Integrations.Email;

/// <summary>Where one idempotency key's email stands in the ledger.</summary>
public enum EmailLedgerState
{
    /// <summary>A send began and was not confirmed: it may or may not have reached the provider.</summary>
    Sending,

    /// <summary>The provider accepted the message; it is never sent again.</summary>
    Sent,
}
