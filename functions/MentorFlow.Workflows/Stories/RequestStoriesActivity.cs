using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stories;

/// <summary>
/// Stores one requested story per participant (every person of every matched pair, once, numbered in pair order), due
/// when the program's approval timeout runs out, and audits it. The emails go out by pages
/// (<see cref="SendStoryRequestsActivity"/>). Stories that exist are left as they are, so a retry changes nothing.
/// </summary>
public sealed class RequestStoriesActivity(IProgramStore programs, IPairStore pairs, IStoryStore stories, IAuditLog audit)
    : TaskActivity<StageInput, StoryRequests>
{
    /// <inheritdoc />
    public override async Task<StoryRequests> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var dueAt = definition.Approvals.Timeout.AddTo(input.At);
        var participants = StoryParticipants.From(await pairs.ListAsync(input.ProgramId, CancellationToken.None));
        if (participants.Count == 0)
        {
            return new StoryRequests(0, input.At, dueAt);
        }

        var records = participants.Select((p, i) => new StoryRecord
        {
            ProgramId = input.ProgramId,
            StoryId = StoryRecord.IdFor(i + 1, p.Role),
            Role = p.Role,
            ParticipantEmail = p.Email,
            ParticipantName = p.Name,
            RequestedAt = input.At,
            DueAt = dueAt,
        }).ToList();
        await stories.AddAsync(records, CancellationToken.None);

        var mentees = records.Count(r => r.Role == ParticipantRoles.Mentee);
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "StoriesRequested",
                $"{Plural.Of(records.Count, "participant")} asked for their stories ({Plural.Of(mentees, "mentee")}, "
                + $"{Plural.Of(records.Count - mentees, "mentor")}), due {dueAt:u}."),
            CancellationToken.None);
        return new StoryRequests(records.Count, input.At, dueAt);
    }
}
