using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Approvals;

/// <summary>Reminds the approver of what is still open in a batch (subject "Reminder: …"); does nothing once all are decided.</summary>
public sealed class SendApprovalReminderActivity(
    IProgramStore programs,
    IApprovalStore approvals,
    IAuditLog audit,
    IEmailSender email,
    ApprovalTokenService tokens,
    IOptions<LinkOptions> links) : TaskActivity<ApprovalReminder, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, ApprovalReminder input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var open = new List<ApprovalRecord>();
        foreach (var approvalId in input.ApprovalIds)
        {
            if (await approvals.GetAsync(input.ProgramId, approvalId, CancellationToken.None) is { Status: ApprovalStatus.Pending, Approver: not null } record)
            {
                open.Add(record);
            }
        }

        if (open.Count == 0)
        {
            return false;
        }

        var charter = await programs.GetCharterAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored charter.");
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var approver = open[0].Approver!;
        var model = ApprovalEmailModelFactory.Create(
            open[0].Kind,
            open,
            approver,
            charter,
            await SendApprovalRequestActivity.RoleCharterFor(programs, input.ProgramId, definition),
            open[0].DueAt ?? input.At,
            tokens,
            links.Value,
            escalatedFrom: null);
        var rendered = ApprovalEmails.Reminder(model, input.Number);
        await email.SendAsync(
            new EmailMessage(
                input.ProgramId,
                "approval-reminder",
                ApprovalEmailKey.Reminder(input.ProgramId, input.BatchId, input.Level, input.Number),
                [new EmailAddress(approver.Email, approver.Name)],
                [],
                rendered.Subject,
                rendered.Html,
                rendered.Text),
            CancellationToken.None);
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "ApprovalReminderSent",
                $"Reminder {input.Number} for {Plural.Of(open.Count, ApprovalTexts.Describe(open[0].Kind).ToLowerInvariant())} sent to {approver.Name} <{approver.Email}>."),
            CancellationToken.None);
        return true;
    }
}
