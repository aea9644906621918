namespace MentorFlow.Workflows.Programs;

/// <summary>
/// The stored state of one program: the read model the API serves. The orchestration writes it
/// through activities; the definition itself is stored beside it, not in here.
/// </summary>
public sealed record ProgramRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required ProgramStatus Status { get; init; }
    public StageName? Stage { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<StageRecord> Stages { get; init; }
    public IReadOnlyList<WaitingFor> WaitingFor { get; init; } = [];
    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();
    public string? Reason { get; init; }
    public string? CancelledBy { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>A new program: running, every stage pending.</summary>
    public static ProgramRecord New(string id, string name, DateTimeOffset createdAt) => new()
    {
        Id = id,
        Name = name,
        Status = ProgramStatus.Running,
        Stage = StageName.Define,
        CreatedAt = createdAt,
        Stages = [.. Enum.GetValues<StageName>().Select(s => new StageRecord(s, StageState.Pending, null, null, null))],
    };

    /// <summary>This record with one stage replaced.</summary>
    public ProgramRecord WithStage(StageName name, Func<StageRecord, StageRecord> change) =>
        this with { Stages = [.. Stages.Select(s => s.Name == name ? change(s) : s)] };
}
