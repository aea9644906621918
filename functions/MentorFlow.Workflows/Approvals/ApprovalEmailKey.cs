using System.Globalization;
using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// The idempotency key of an approval email — <c>{programId}/{batchId}/{request|reminder}/{level}/…</c> — which
/// SendGrid returns with delivery events, so a bounce finds its batch and the escalation level it was sent at. It
/// holds ids only, no personal data.
/// </summary>
public sealed record ApprovalEmailKey(string ProgramId, string BatchId, string Kind, int Level)
{
    public static string Request(string programId, string batchId, int level) => $"{programId}/{batchId}/request/{level}";

    public static string Reminder(string programId, string batchId, int level, int number) =>
        $"{programId}/{batchId}/reminder/{level}/{number}";

    /// <summary>
    /// The batch and level a key belongs to, or null for keys of other emails — and for keys naming ids we never issue
    /// (a signed webhook batch may still carry any text there), so such a key never becomes a storage lookup.
    /// </summary>
    public static ApprovalEmailKey? Parse(string? key)
    {
        var parts = key?.Split('/') ?? [];
        return parts.Length >= 4 && parts[2] is "request" or "reminder"
            && ProgramIds.IsWellFormed(parts[0]) && IsWellFormedBatchId(parts[1])
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            ? new ApprovalEmailKey(parts[0], parts[1], parts[2], level)
            : null;
    }

    private static bool IsWellFormedBatchId(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':');
}
