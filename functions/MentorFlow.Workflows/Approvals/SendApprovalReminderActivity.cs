using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Approvals;

/// <summary>Reminds the current approver of a pending approval (subject "Reminder: …"); does nothing once it is decided.</summary>
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
        var approval = await approvals.GetAsync(input.ProgramId, input.ApprovalId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Approval {input.ApprovalId} of {input.ProgramId} does not exist.");
        if (approval.Status != ApprovalStatus.Pending)
        {
            return false;
        }

        var charter = await programs.GetCharterAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored charter.");
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var model = ApprovalEmailModelFactory.Create(
            new ApprovalSend(input.ProgramId, input.ApprovalId, approval.Kind, approval.Approver, input.Level, approval.RequestedAt),
            approval.Approver,
            charter,
            await SendApprovalRequestActivity.RoleCharterFor(programs, input.ProgramId, definition),
            approval.DueAt,
            tokens,
            links.Value,
            escalatedFrom: null);
        var rendered = ApprovalEmails.Reminder(model, input.Number);
        await email.SendAsync(
            new EmailMessage(
                input.ProgramId,
                "approval-reminder",
                ApprovalEmailKey.Reminder(input.ProgramId, input.ApprovalId, input.Level, input.Number),
                [new EmailAddress(approval.Approver.Email, approval.Approver.Name)],
                [],
                rendered.Subject,
                rendered.Html,
                rendered.Text),
            CancellationToken.None);
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "ApprovalReminderSent",
                $"Reminder {input.Number} for {ApprovalTexts.Describe(approval.Kind)} sent to {approval.Approver.Name} <{approval.Approver.Email}>."),
            CancellationToken.None);
        return true;
    }
}
