namespace MentorFlow.Local.Storage;

/// <summary>
/// Azurite could not be installed, started, adopted or stopped. The message says what failed and how to fix it,
/// including the tail of npm's or Azurite's own error output when there is one.
/// </summary>
public sealed class AzuriteException : Exception
{
    public AzuriteException()
    {
    }

    public AzuriteException(string message)
        : base(message)
    {
    }

    public AzuriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
