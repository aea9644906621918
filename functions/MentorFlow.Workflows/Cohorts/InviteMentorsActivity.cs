using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// Invites the next eligible mentors, highest-ranked first, enough to take the unmatched mentees at the program's
/// mentor capacity. Each invitation is its own approval batch (approve = accept; silence or a bounce = decline). Returns
/// no batch when every eligible mentor has been asked.
/// </summary>
public sealed class InviteMentorsActivity(
    IProgramStore programs, ICandidateStore candidates, IApprovalStore approvals, IPairStore pairs, IAuditLog audit)
    : TaskActivity<MentorInvite, IReadOnlyList<ApprovalBatch>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<ApprovalBatch>> RunAsync(TaskActivityContext context, MentorInvite input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var data = await CohortData.LoadAsync(input.ProgramId, programs, candidates, approvals, pairs);
        var definition = data.Definition;
        var capacity = Math.Max(1, definition.Criteria.Mentor.Capacity);
        var wanted = (input.Unmatched + capacity - 1) / capacity;
        var next = data.UninvitedMentors().Take(wanted).ToList();
        var role = definition.Roles.FirstOrDefault(r => r.Role == ProgramRoles.Mentor);
        var (duration, checkIns) = input.Stage == StageName.Pilot
            ? (definition.Pilot.Duration, definition.Pilot.CheckIns)
            : (definition.Rollout.Duration, definition.Rollout.CheckIns);

        var batches = new List<ApprovalBatch>(next.Count);
        foreach (var mentor in next)
        {
            var id = CohortData.InvitationId(mentor);
            if (await approvals.GetAsync(input.ProgramId, id, CancellationToken.None) is null)
            {
                await approvals.SaveAsync(
                    new ApprovalRecord
                    {
                        ProgramId = input.ProgramId,
                        ApprovalId = id,
                        Kind = ApprovalKind.MentorInvitation,
                        Title = $"{mentor.Name}: mentor up to {Plural.Of(definition.Criteria.Mentor.Capacity, "mentee")} in the {input.Stage.ToString().ToLowerInvariant()}",
                        Description =
                        [
                            $"You rank {mentor.Rank} among the eligible mentors (score {mentor.Score:0.###}).",
                            $"The {input.Stage.ToString().ToLowerInvariant()} lasts {duration} from the kickoff, with {Plural.Of(checkIns.Count, "check-in")} along the way.",
                            .. role?.Responsibilities.Select(r => "As a mentor: " + r) ?? [],
                        ],
                        SubjectEmail = mentor.Email,
                    },
                    CancellationToken.None);
            }

            batches.Add(new ApprovalBatch(id, ApprovalKind.MentorInvitation, [id], new Person(mentor.Name, mentor.Email), ApprovalTimeoutActions.Decline));
        }

        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "MentorsInvited", next.Count == 0
                ? $"{input.Stage}: {Plural.Of(input.Unmatched, "mentee")} unmatched and no eligible mentor left to invite."
                : $"{input.Stage}: {Plural.Of(next.Count, "mentor")} invited for {Plural.Of(input.Unmatched, "unmatched mentee")}."),
            CancellationToken.None);
        return batches;
    }
}
