using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Roles;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// Asks an approver by email: stores the approval as pending (with its due time), adds it to what the program
/// waits for, sends the request with signed links, and audits it. Sending is idempotent per approval, level and
/// approver, so a retry or replay never sends twice.
/// </summary>
public sealed class SendApprovalRequestActivity(
    IProgramStore programs,
    IApprovalStore approvals,
    IAuditLog audit,
    IEmailSender email,
    ApprovalTokenService tokens,
    IOptions<LinkOptions> links) : TaskActivity<ApprovalSend, ApprovalSent>
{
    /// <inheritdoc />
    public override async Task<ApprovalSent> RunAsync(TaskActivityContext context, ApprovalSend input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var charter = await programs.GetCharterAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored charter.");
        var approver = input.Approver ?? definition.ProgramManager;
        var policy = definition.Approvals;
        var dueAt = policy.Timeout.AddTo(input.At);
        var previous = await approvals.GetAsync(input.ProgramId, input.ApprovalId, CancellationToken.None);

        await approvals.SaveAsync(
            new ApprovalRecord
            {
                ProgramId = input.ProgramId,
                ApprovalId = input.ApprovalId,
                Kind = input.Kind,
                Approver = approver,
                RequestedAt = input.At,
                DueAt = dueAt,
                EscalationLevel = input.Level,
            },
            CancellationToken.None);

        var described = ApprovalTexts.Describe(input.Kind);
        await programs.UpdateAsync(
            input.ProgramId,
            p => p.Status.IsTerminal()
                ? p
                : p with
                {
                    Status = ProgramStatus.WaitingForApproval,
                    WaitingFor = [.. p.WaitingFor.Where(w => w.ApprovalId != input.ApprovalId),
                        new WaitingFor(input.ApprovalId, described, approver.Email, input.At, dueAt)],
                },
            CancellationToken.None);

        var model = ApprovalEmailModelFactory.Create(
            input, approver, charter, await RoleCharterFor(programs, input.ProgramId, definition),
            dueAt, tokens, links.Value, escalatedFrom: input.Level > 0 ? previous?.Approver.Name : null);
        var rendered = ApprovalEmails.Request(model);
        await email.SendAsync(
            new EmailMessage(
                input.ProgramId,
                "approval-request",
                ApprovalEmailKey.Request(input.ProgramId, input.ApprovalId, input.Level),
                [new EmailAddress(approver.Email, approver.Name)],
                [],
                rendered.Subject,
                rendered.Html,
                rendered.Text),
            CancellationToken.None);

        var details = input.Level == 0
            ? $"{described} requested from {approver.Name} <{approver.Email}>, due {dueAt:u}."
            : $"{described} passed on to {approver.Name} <{approver.Email}> (level {input.Level}), due {dueAt:u}.";
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, input.Level == 0 ? "ApprovalRequested" : "ApprovalEscalated", details),
            CancellationToken.None);
        return new ApprovalSent(approver, input.At, dueAt, policy);
    }

    /// <summary>The stored role charter, or — before the Roles stage stored it — the one the definition renders to.</summary>
    internal static async Task<RoleCharter> RoleCharterFor(IProgramStore programs, string programId, ProgramDefinition definition) =>
        await programs.GetRoleCharterAsync(programId, CancellationToken.None)
        ?? RoleCharterRenderer.Render(definition.Name, definition.Roles);
}
