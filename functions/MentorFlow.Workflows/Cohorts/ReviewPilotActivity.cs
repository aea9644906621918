using System.Globalization;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// At the end of the pilot: the lessons learned — participation, check-in response rate, average rating, the
/// comments — go to the program manager and the sponsor in one email, and the sponsor is asked to decide go / no-go
/// (the returned batch; approve = go).
/// </summary>
public sealed class ReviewPilotActivity(IProgramStore programs, IPairStore pairs, ICheckInStore checkIns, IApprovalStore approvals, IEmailSender email, IAuditLog audit)
    : TaskActivity<StageInput, PilotReview>
{
    /// <summary>The approval id of the sponsor's go / no-go decision.</summary>
    public const string ApprovalId = "go-no-go";

    /// <inheritdoc />
    public override async Task<PilotReview> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var pilot = (await pairs.ListAsync(input.ProgramId, CancellationToken.None)).Where(p => p.Stage == StageName.Pilot).ToList();
        var sent = (await checkIns.ListAsync(input.ProgramId, CancellationToken.None)).Where(c => c.Stage == StageName.Pilot).ToList();
        var answered = sent.Where(c => c.Rating is not null).ToList();
        var matched = pilot.Count(p => p.IsMatched);
        var rate = sent.Count == 0 ? 0 : (int)Math.Round(100.0 * answered.Count / sent.Count);
        var average = answered.Count == 0 ? (double?)null : answered.Average(c => c.Rating!.Value);
        var low = answered.Count(c => c.Rating <= CheckInAnswer.AlertAtOrBelow);

        IReadOnlyList<string> summary =
        [
            $"Participation: {Plural.Of(matched, "pair")} ({Plural.Of(matched * 2, "participant")}); {Plural.Of(pilot.Count - matched, "mentee")} without a mentor.",
            $"Check-ins: {answered.Count} of {sent.Count} answered ({rate}% response rate).",
            average is { } avg
                ? $"Average rating: {avg.ToString("0.0", CultureInfo.InvariantCulture)} of 5; {Plural.Of(low, "rating")} of 2 or less."
                : "Average rating: no check-in was answered.",
        ];
        IReadOnlyList<string> comments =
        [
            .. answered.Where(c => !string.IsNullOrWhiteSpace(c.Comment))
                .Select(c => $"{(c.Role == ParticipantRoles.Mentor ? "Mentor" : "Mentee")}, check-in {c.Round}, rating {c.Rating}: {c.Comment}"),
        ];

        var rendered = CohortEmails.LessonsLearned(definition.Name, summary, comments);
        await email.SendAsync(
            new EmailMessage(
                input.ProgramId,
                "lessons-learned",
                $"{input.ProgramId}/lessons-learned/pilot",
                [new EmailAddress(definition.ProgramManager.Email, definition.ProgramManager.Name), new EmailAddress(definition.Sponsor.Email, definition.Sponsor.Name)],
                [],
                rendered.Subject,
                rendered.Html,
                rendered.Text),
            CancellationToken.None);

        if (await approvals.GetAsync(input.ProgramId, ApprovalId, CancellationToken.None) is null)
        {
            await approvals.SaveAsync(
                new ApprovalRecord
                {
                    ProgramId = input.ProgramId,
                    ApprovalId = ApprovalId,
                    Kind = ApprovalKind.GoNoGo,
                    Title = $"Roll out '{definition.Name}' after its pilot?",
                    Description = [.. summary, .. comments.Take(20)],
                    SubjectEmail = definition.Sponsor.Email,
                },
                CancellationToken.None);
        }

        var line = $"{Plural.Of(matched, "pair")}; check-ins {rate}% answered"
            + (average is { } a ? $", average rating {a.ToString("0.0", CultureInfo.InvariantCulture)}" : "");
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "PilotReviewed", $"Lessons learned sent to the program manager and the sponsor: {string.Join(" ", summary)}"),
            CancellationToken.None);
        var counts = new Dictionary<string, int>
        {
            ["pilotCheckInsSent"] = sent.Count,
            ["pilotCheckInsAnswered"] = answered.Count,
            ["pilotLowRatings"] = low,
        };
        return new PilotReview(line, counts, new ApprovalBatch(ApprovalId, ApprovalKind.GoNoGo, [ApprovalId], definition.Sponsor));
    }
}
