namespace MentorFlow.Workflows.Programs;

/// <summary>Something a program waits on: an approval, from whom, since and until when.</summary>
public sealed record WaitingFor(
    string ApprovalId,
    string Kind,
    string Approver,
    DateTimeOffset Since,
    DateTimeOffset? DueAt);
