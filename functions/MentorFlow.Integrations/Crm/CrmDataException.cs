namespace MentorFlow.Integrations.Crm;

/// <summary>
/// CRM data MentorFlow cannot use: rows of an export that do not parse (each with its line and reason), a header that
/// is not the expected one, or an API page that is not the documented shape. The message says where and what, so the
/// stage can fail with it as it is.
/// </summary>
public sealed class CrmDataException : Exception
{
    public CrmDataException()
    {
    }

    public CrmDataException(string message) : base(message)
    {
    }

    public CrmDataException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The file path or URL the data came from.</summary>
    public string? Location { get; init; }

    /// <summary>The problems listed in the message (at most <see cref="CrmProblemList.MaxListed"/>), e.g. <c>line 7: Amount 'abc' is not a number</c>.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>How many problems there were in all, listed or not.</summary>
    public int ProblemCount { get; init; }
}
