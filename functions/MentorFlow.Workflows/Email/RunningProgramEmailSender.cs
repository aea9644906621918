using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Email;

/// <summary>
/// The one gate every MentorFlow email passes: a message for a program that is no longer running (its record says
/// cancelled, declined, failed or completed) is not sent, and <see cref="ProgramEndedException"/> stops the caller before
/// it records a send. Cancelling terminates the program's orchestrations, but an activity already handed to a worker
/// still runs; this gate is why it sends nothing. The cancel endpoint stores <c>Cancelled</c> before it terminates.
/// </summary>
public sealed partial class RunningProgramEmailSender(
    IEmailSender inner, IBulkEmailSender bulk, IProgramStore programs, ILogger<RunningProgramEmailSender> logger)
    : IEmailSender, IBulkEmailSender
{
    /// <inheritdoc />
    /// <exception cref="ProgramEndedException">The program has ended; nothing was sent.</exception>
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureRunningAsync(message.ProgramId, message.Purpose, cancellationToken);
        return await inner.SendAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ProgramEndedException">The program has ended; nothing was sent.</exception>
    public async Task<EmailSendResult> SendBulkAsync(BulkEmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureRunningAsync(message.ProgramId, message.Purpose, cancellationToken);
        return await bulk.SendBulkAsync(message, cancellationToken);
    }

    private async Task EnsureRunningAsync(string programId, string purpose, CancellationToken cancellationToken)
    {
        var program = await programs.GetAsync(programId, cancellationToken);
        if (program is { Status: var status } && status.IsTerminal())
        {
            LogNotSent(logger, programId, purpose, status);
            throw new ProgramEndedException($"Program {programId} is {status}: the {purpose} email was not sent.")
            {
                ProgramId = programId,
                Status = status,
            };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Program {ProgramId} is {Status}: its {Purpose} email was not sent")]
    private static partial void LogNotSent(ILogger logger, string programId, string purpose, ProgramStatus status);
}
