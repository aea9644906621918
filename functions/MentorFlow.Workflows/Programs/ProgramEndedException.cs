namespace MentorFlow.Workflows.Programs;

/// <summary>
/// Work was asked for a program that has ended (cancelled, declined, failed or completed): nothing was done. Thrown by
/// <see cref="Email.RunningProgramEmailSender"/> so that an activity that raced with a cancellation stops before it
/// sends or records anything.
/// </summary>
public sealed class ProgramEndedException : Exception
{
    public ProgramEndedException()
    {
    }

    public ProgramEndedException(string message) : base(message)
    {
    }

    public ProgramEndedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The program's id.</summary>
    public string? ProgramId { get; init; }

    /// <summary>How the program ended.</summary>
    public ProgramStatus? Status { get; init; }
}
