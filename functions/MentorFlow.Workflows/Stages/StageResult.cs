using MentorFlow.Workflows.Approvals;

namespace MentorFlow.Workflows.Stages;

/// <summary>
/// What a stage activity reports: its one-line summary, the counts it adds to the program's, and the approval
/// batches (ids only) the stage waits for before it is done.
/// </summary>
public sealed record StageResult(string Summary, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ApprovalBatch>? Batches = null);
