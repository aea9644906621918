namespace MentorFlow.Workflows.Programs;

/// <summary>Program ids: time-ordered, URL- and table-key-safe.</summary>
public static class ProgramIds
{
    public static string NewId() => "prg-" + Guid.CreateVersion7().ToString("N");

    /// <summary>True for text that could be a program id; anything else is refused before it reaches storage keys.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 4 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
