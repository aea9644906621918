using MentorFlow.Workflows.Approvals.Pages;
using MentorFlow.Workflows.Programs;
using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Api;

/// <summary>
/// The one check every token link (approval, check-in, story) makes on GET and POST, right after it found its program
/// and before it shows a form or stores anything: a program that ended (cancelled, declined, failed or completed)
/// takes no more decisions or answers, so its links answer 410 with a page that says how and when it ended.
/// </summary>
internal static class EndedProgramGate
{
    /// <summary>The 410 page when <paramref name="program"/> has ended; null while it runs.</summary>
    public static IResult? Refuse(ProgramRecord program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program.Status.IsTerminal()
            ? new TokenPageResult(
                StatusCodes.Status410Gone,
                ApprovalPages.ProgramEnded(program.Name, program.Status, program.CancelledAt ?? program.CompletedAt))
            : null;
    }
}
