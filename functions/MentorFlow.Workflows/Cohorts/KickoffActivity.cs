using System.Globalization;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// Introduces one page of a stage's pairs: one email per pair, to both, with their role charters, the outcomes and
/// measures, and the timeline. Idempotent per pair, so a retried page sends nothing twice. Returns how many were sent.
/// </summary>
public sealed class KickoffActivity(IProgramStore programs, IPairStore pairs, IEmailSender email, IAuditLog audit) : TaskActivity<CohortPage, int>
{
    /// <summary>Pairs per kickoff or check-in activity.</summary>
    public const int PageSize = 100;

    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, CohortPage input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var roles = await programs.GetRoleCharterAsync(input.ProgramId, CancellationToken.None)
            ?? RoleCharterRenderer.Render(definition.Name, definition.Roles);
        var (duration, offsets) = input.Stage == StageName.Pilot
            ? (definition.Pilot.Duration, definition.Pilot.CheckIns)
            : (definition.Rollout.Duration, definition.Rollout.CheckIns);
        var stageName = input.Stage.ToString().ToLowerInvariant();
        var page = await PageOfAsync(pairs, input);
        foreach (var pair in page)
        {
            var rendered = CohortEmails.Kickoff(
                definition, roles, pair, stageName, input.KickoffAt, [.. offsets.Select(o => o.AddTo(input.KickoffAt))], duration.AddTo(input.KickoffAt));
            await email.SendAsync(
                new EmailMessage(
                    input.ProgramId,
                    "kickoff",
                    $"{input.ProgramId}/kickoff/{stageName}/{pair.PairNumber.ToString("D5", CultureInfo.InvariantCulture)}",
                    [new EmailAddress(pair.MentorEmail!, pair.MentorName), new EmailAddress(pair.MenteeEmail, pair.MenteeName)],
                    [],
                    rendered.Subject,
                    rendered.Html,
                    rendered.Text),
                CancellationToken.None);
            if (pair.KickedOffAt is null)
            {
                await pairs.SaveAsync(pair with { KickedOffAt = input.At }, CancellationToken.None);
            }
        }

        if (page.Count > 0)
        {
            await audit.AppendAsync(
                input.ProgramId,
                new AuditEntry(input.At, AuditActors.System, "PairsKickedOff",
                    $"{input.Stage}: introduction emails sent to {Plural.Of(page.Count, "pair")} (pairs {page[0].PairNumber}–{page[^1].PairNumber})."),
                CancellationToken.None);
        }

        return page.Count;
    }

    /// <summary>The matched pairs of one page of a stage, by pair number.</summary>
    internal static async Task<IReadOnlyList<PairRecord>> PageOfAsync(IPairStore pairs, CohortPage input) =>
        [.. (await pairs.ListAsync(input.ProgramId, CancellationToken.None))
            .Where(p => p.Stage == input.Stage && p.IsMatched)
            .Skip(input.Page * PageSize)
            .Take(PageSize)];
}
