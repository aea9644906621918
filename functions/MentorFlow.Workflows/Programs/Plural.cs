namespace MentorFlow.Workflows.Programs;

/// <summary>Counts in summaries read like sentences: "1 role", "5 roles", "2 responsibilities".</summary>
public static class Plural
{
    public static string Of(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";
}
