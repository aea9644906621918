namespace MentorFlow.Workflows.Matching;

/// <summary>The matching's one order for people: email lower-cased, ordinal; ordinal on the email as given breaks ties.</summary>
internal sealed class EmailOrder : IComparer<string>
{
    public static EmailOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var byLowerCase = string.CompareOrdinal(x?.ToLowerInvariant(), y?.ToLowerInvariant());
        return byLowerCase != 0 ? byLowerCase : string.CompareOrdinal(x, y);
    }
}
