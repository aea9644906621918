using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// Asks an approver by email: stores each open approval of the batch as pending with this approver and due time,
/// adds them to what the program waits for, sends one email listing them all with signed links, and audits it.
/// Sending is idempotent per batch and level, so a retry or replay never sends twice; delivered again at a later
/// time, the request keeps the request and due times it first stored, and returns those.
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

        var stored = new List<(string ApprovalId, ApprovalRecord? Record)>(input.ApprovalIds.Count);
        foreach (var approvalId in input.ApprovalIds)
        {
            stored.Add((approvalId, await approvals.GetAsync(input.ProgramId, approvalId, CancellationToken.None)));
        }

        // Delivered again (a host killed before the first run's completion was recorded, so the orchestration asks
        // again later), the request keeps the times it was first made with: the email, the audit line, what the
        // program waits for and the orchestration's timers all use the due time stored with the approvals, and the
        // audit log keeps the one identical line once.
        var first = stored.Select(s => s.Record).FirstOrDefault(r => r is not null && WasRequested(r, input, approver));
        var requestedAt = first?.RequestedAt ?? input.At;
        var dueAt = first?.DueAt ?? policy.Timeout.AddTo(input.At);

        var records = new List<ApprovalRecord>(input.ApprovalIds.Count);
        var asked = 0;
        var previousApprover = input.EscalatedFrom;
        foreach (var (approvalId, existing) in stored)
        {
            var again = existing is not null && WasRequested(existing, input, approver);
            if (!again)
            {
                previousApprover ??= existing?.Approver?.Name;
            }

            var (title, description) = input.Kind == ApprovalKind.CharterConfirmation
                ? ApprovalTexts.Charter(charter)
                : (existing?.Title ?? throw new InvalidOperationException($"Approval {approvalId} of {input.ProgramId} was not prepared."), existing.Description);
            var record = (existing ?? new ApprovalRecord
            {
                ProgramId = input.ProgramId,
                ApprovalId = approvalId,
                Kind = input.Kind,
                Title = title,
            }) with
            {
                Description = description,
                Approver = approver,
                RequestedAt = requestedAt,
                DueAt = dueAt,
                EscalationLevel = input.Level,
                InstanceId = input.InstanceId,
            };
            if (record.Status == ApprovalStatus.Pending)
            {
                await approvals.SaveAsync(record, CancellationToken.None);
                records.Add(record);
            }

            // The audit line counts what this request asked, also an approval decided since its first delivery.
            if (record.Status == ApprovalStatus.Pending || again)
            {
                asked++;
            }
        }

        var described = ApprovalTexts.Describe(input.Kind);
        var ids = records.Select(r => r.ApprovalId).ToHashSet(StringComparer.Ordinal);
        await programs.UpdateAsync(
            input.ProgramId,
            p => p.Status.IsTerminal()
                ? p
                : p with
                {
                    Status = ProgramStatus.WaitingForApproval,
                    WaitingFor = [.. p.WaitingFor.Where(w => !ids.Contains(w.ApprovalId)),
                        .. records.Select(r => new WaitingFor(r.ApprovalId, described, approver.Email, requestedAt, dueAt))],
                },
            CancellationToken.None);

        if (records.Count > 0)
        {
            var model = ApprovalEmailModelFactory.Create(
                input.Kind, records, approver, charter, await RoleCharterFor(programs, input.ProgramId, definition),
                dueAt, tokens, links.Value, escalatedFrom: input.Level > 0 ? previousApprover : null);
            var rendered = ApprovalEmails.Request(model);
            await email.SendAsync(
                new EmailMessage(
                    input.ProgramId,
                    "approval-request",
                    ApprovalEmailKey.Request(input.ProgramId, input.BatchId, input.Level),
                    [new EmailAddress(approver.Email, approver.Name)],
                    [],
                    rendered.Subject,
                    rendered.Html,
                    rendered.Text),
                CancellationToken.None);
        }

        var what = asked == 1 ? described : $"{Plural.Of(asked, described.ToLowerInvariant())}";
        var details = input.Level == 0
            ? $"{what} requested from {approver.Name} <{approver.Email}>, due {dueAt:u}."
            : $"{what} passed on to {approver.Name} <{approver.Email}> (level {input.Level}), due {dueAt:u}.";
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(requestedAt, AuditActors.System, input.Level == 0 ? "ApprovalRequested" : "ApprovalEscalated", details),
            CancellationToken.None);
        return new ApprovalSent(approver, requestedAt, dueAt, policy);
    }

    /// <summary>Whether this request (same orchestration, level and approver) already went out for the approval.</summary>
    private static bool WasRequested(ApprovalRecord record, ApprovalSend input, Person approver) =>
        record is { RequestedAt: not null, DueAt: not null, Approver: { } asked }
        && record.InstanceId == input.InstanceId
        && record.EscalationLevel == input.Level
        && asked.Email.Equals(approver.Email, StringComparison.OrdinalIgnoreCase);

    /// <summary>The stored role charter, or — before the Roles stage stored it — the one the definition renders to.</summary>
    internal static async Task<RoleCharter> RoleCharterFor(IProgramStore programs, string programId, ProgramDefinition definition) =>
        await programs.GetRoleCharterAsync(programId, CancellationToken.None)
        ?? RoleCharterRenderer.Render(definition.Name, definition.Roles);
}
