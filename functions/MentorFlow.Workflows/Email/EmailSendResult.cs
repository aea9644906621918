namespace MentorFlow.Workflows.Email;

/// <summary>What a send did: the provider's message id, and whether the message had been sent before (nothing sent now).</summary>
public sealed record EmailSendResult(string MessageId, bool AlreadySent);
