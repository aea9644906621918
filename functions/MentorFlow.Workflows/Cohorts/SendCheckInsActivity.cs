using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// Sends one check-in round to one page of a stage's pairs: each participant gets a signed link to a small form
/// (rating 1–5, comment), open for the program's approval timeout. The check-ins are stored first, so the form finds
/// them; a retried page changes nothing and sends nothing twice. Returns how many requests went out.
/// </summary>
public sealed class SendCheckInsActivity(IProgramStore programs, IPairStore pairs, ICheckInStore checkIns, IEmailSender email, FormLinks links, IAuditLog audit)
    : TaskActivity<CohortPage, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, CohortPage input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var due = definition.Approvals.Timeout.AddTo(input.At);
        var page = await KickoffActivity.PageOfAsync(pairs, input);
        var records = page.SelectMany(pair => new[]
        {
            Record(input, pair, ParticipantRoles.Mentee, pair.MenteeEmail, pair.MenteeName, pair.MentorName!, due),
            Record(input, pair, ParticipantRoles.Mentor, pair.MentorEmail!, pair.MentorName!, pair.MenteeName, due),
        }).ToList();
        await checkIns.AddAsync(records, CancellationToken.None);

        foreach (var record in records)
        {
            // The stored check-in (not the one built now) carries the due time its link must show.
            var stored = await checkIns.GetAsync(input.ProgramId, record.CheckInId, CancellationToken.None) ?? record;
            var rendered = CohortEmails.CheckIn(definition.Name, stored, links.CheckIn(stored));
            await email.SendAsync(
                new EmailMessage(
                    input.ProgramId,
                    "checkin",
                    $"{input.ProgramId}/checkin/{stored.CheckInId}",
                    [new EmailAddress(stored.ParticipantEmail, stored.ParticipantName)],
                    [],
                    rendered.Subject,
                    rendered.Html,
                    rendered.Text),
                CancellationToken.None);
        }

        if (records.Count > 0)
        {
            await audit.AppendAsync(
                input.ProgramId,
                new AuditEntry(input.At, AuditActors.System, "CheckInsSent",
                    $"{input.Stage} check-in {input.Round}: {Plural.Of(records.Count, "form")} sent to the participants of pairs {page[0].PairNumber}–{page[^1].PairNumber}."),
                CancellationToken.None);
        }

        return records.Count;
    }

    private static CheckInRecord Record(CohortPage input, PairRecord pair, string role, string email, string name, string partner, DateTimeOffset due) => new()
    {
        ProgramId = input.ProgramId,
        CheckInId = CheckInRecord.IdFor(input.Stage, input.Round, pair.PairNumber, role),
        Stage = input.Stage,
        Round = input.Round,
        PairNumber = pair.PairNumber,
        Role = role,
        ParticipantEmail = email,
        ParticipantName = name,
        PartnerName = partner,
        SentAt = input.At,
        DueAt = due,
    };
}
