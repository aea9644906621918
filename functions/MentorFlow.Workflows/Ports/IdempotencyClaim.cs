namespace MentorFlow.Workflows.Ports;

/// <summary>An <c>Idempotency-Key</c> and the program and request it belongs to.</summary>
/// <param name="Key">The header value as the client sent it.</param>
/// <param name="ProgramId">The program the first submission with this key created.</param>
/// <param name="RequestHash">A hash of the first request's body: a reuse with another body is an error, not a replay.</param>
public sealed record IdempotencyClaim(string Key, string ProgramId, string RequestHash);
