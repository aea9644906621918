namespace MentorFlow.Workflows.Matching;

/// <summary>The matching's one order for people: email lower-cased, ordinal; ordinal on the email as given breaks ties.</summary>
internal static class EmailOrder
{
    public static IEnumerable<T> By<T>(IEnumerable<T> items, Func<T, string> email) =>
        items.OrderBy(item => email(item).ToLowerInvariant(), StringComparer.Ordinal).ThenBy(email, StringComparer.Ordinal);
}
