namespace MentorFlow.Workflows.Email;

/// <summary>A send the provider refused for good (a 4xx other than 429): the provider's own error text, never swallowed.</summary>
public sealed class EmailSendException : Exception
{
    public EmailSendException()
    {
    }

    public EmailSendException(string message) : base(message)
    {
    }

    public EmailSendException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the provider answered, when there was one.</summary>
    public int? StatusCode { get; init; }
}
