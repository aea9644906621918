using System.Globalization;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Sponsorship;

/// <summary>
/// The sponsor endorsed: their message becomes the program's first story (published), and every sales leader — the
/// definition's <c>sponsorship.leaders</c> and every approver who approved a nomination — is asked to pledge support,
/// with the sponsor's message. Returns the stage's result and the pledge batches (one per leader; silence is no pledge).
/// </summary>
public sealed class RecordEndorsementActivity(IProgramStore programs, IApprovalStore approvals, IStoryStore stories, IAuditLog audit)
    : TaskActivity<EndorsementRecord, SponsorshipOutcome>
{
    /// <inheritdoc />
    public override async Task<SponsorshipOutcome> RunAsync(TaskActivityContext context, EndorsementRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var message = input.Decision.Comment?.Trim() ?? "";
        var sponsor = definition.Sponsor;

        // A message is required on the endorsement page; only a timeout policy that approves can endorse without one.
        if (message.Length > 0)
        {
            var story = new StoryRecord
            {
                ProgramId = input.ProgramId,
                StoryId = StoryRecord.SponsorStoryId,
                Role = ParticipantRoles.Sponsor,
                ParticipantEmail = sponsor.Email,
                ParticipantName = sponsor.Name,
                RequestedAt = input.Decision.DecidedAt,
                Story = message,
                ConsentToShare = true,
                SubmittedAt = input.Decision.DecidedAt,
                Status = StoryStatus.Published,
            };
            await stories.AddAsync([story], CancellationToken.None);
        }

        var all = await approvals.ListAsync(input.ProgramId, CancellationToken.None);
        var leaders = Leaders(definition, all);
        var batches = new List<ApprovalBatch>(leaders.Count);
        for (var i = 0; i < leaders.Count; i++)
        {
            var leader = leaders[i];
            var id = "pledge-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture);
            if (all.All(a => a.ApprovalId != id))
            {
                await approvals.SaveAsync(
                    new ApprovalRecord
                    {
                        ProgramId = input.ProgramId,
                        ApprovalId = id,
                        Kind = ApprovalKind.Pledge,
                        Title = $"Pledge your support to '{definition.Name}'",
                        Description = message.Length > 0
                            ?
                            [
                                $"{sponsor.Name}, the program's executive sponsor, endorsed it with this message:",
                                $"“{message}”",
                                "Approve to pledge your support: free up your mentors' time and encourage your team to take part.",
                            ]
                            :
                            [
                                $"{sponsor.Name}, the program's executive sponsor, endorsed it.",
                                "Approve to pledge your support: free up your mentors' time and encourage your team to take part.",
                            ],
                        SubjectEmail = leader.Email,
                    },
                    CancellationToken.None);
            }

            batches.Add(new ApprovalBatch(id, ApprovalKind.Pledge, [id], leader, ApprovalTimeoutActions.Decline));
        }

        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, input.Decision.DecidedBy, "SponsorEndorsed",
                $"{sponsor.Name} endorsed the program: “{message}”. {Plural.Of(leaders.Count, "leader")} asked to pledge support."),
            CancellationToken.None);
        var summary = $"Endorsed by {sponsor.Name}; {Plural.Of(leaders.Count, "leader")} asked to pledge support";
        var counts = new Dictionary<string, int> { ["leadersAskedToPledge"] = leaders.Count };
        return new SponsorshipOutcome(new Stages.StageResult(summary, counts), null, batches);
    }

    /// <summary>The definition's leaders, then every approver of an approved nomination, each once (by email, ignoring case).</summary>
    internal static IReadOnlyList<Person> Leaders(ProgramDefinition definition, IReadOnlyList<ApprovalRecord> approvals)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var leaders = new List<Person>();
        foreach (var leader in definition.Sponsorship.Leaders.Concat(approvals
            .Where(a => a is { Kind: ApprovalKind.Nomination, Status: ApprovalStatus.Approved, Approver: not null })
            .Select(a => a.Approver!)
            .OrderBy(p => p.Email, StringComparer.OrdinalIgnoreCase)))
        {
            if (seen.Add(leader.Email))
            {
                leaders.Add(leader);
            }
        }

        return leaders;
    }
}
