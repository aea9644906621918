namespace MentorFlow.Integrations.CompanyDirectory;

/// <summary>
/// Microsoft Graph's users could not be read: Graph refused (with its error code and text), kept throttling past the
/// retries, could not be reached, or answered a page that is not the documented shape. The message names the request.
/// </summary>
public sealed class GraphDirectoryException : Exception
{
    public GraphDirectoryException()
    {
    }

    public GraphDirectoryException(string message) : base(message)
    {
    }

    public GraphDirectoryException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP status Graph answered, when it answered.</summary>
    public int? StatusCode { get; init; }
}
