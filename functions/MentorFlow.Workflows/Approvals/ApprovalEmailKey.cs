namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// The idempotency key of an approval email — <c>{programId}/{batchId}/{request|reminder}/…</c> — which SendGrid
/// returns with delivery events, so a bounce finds its batch. It holds ids only, no personal data.
/// </summary>
public sealed record ApprovalEmailKey(string ProgramId, string BatchId, string Kind)
{
    public static string Request(string programId, string batchId, int level) => $"{programId}/{batchId}/request/{level}";

    public static string Reminder(string programId, string batchId, int level, int number) =>
        $"{programId}/{batchId}/reminder/{level}/{number}";

    /// <summary>The batch a key belongs to, or null for keys of other emails.</summary>
    public static ApprovalEmailKey? Parse(string? key)
    {
        var parts = key?.Split('/') ?? [];
        return parts.Length >= 4 && parts[2] is "request" or "reminder" ? new ApprovalEmailKey(parts[0], parts[1], parts[2]) : null;
    }
}
