using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Sponsorship;

/// <summary>
/// Once every leader's pledge request is decided (or timed out), adds the counts to the program and to the Sponsorship
/// stage's summary, and audits them. Returns how many pledged.
/// </summary>
public sealed class RecordPledgesActivity(IProgramStore programs, IApprovalStore approvals, IAuditLog audit) : TaskActivity<Stages.StageInput, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, Stages.StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pledges = (await approvals.ListAsync(input.ProgramId, CancellationToken.None)).Where(a => a.Kind == ApprovalKind.Pledge).ToList();
        var pledged = pledges.Count(p => p.Status == ApprovalStatus.Approved);
        var note = $"{pledged} of {Plural.Of(pledges.Count, "leader")} pledged support";
        await programs.UpdateAsync(
            input.ProgramId,
            p => p with
            {
                Counts = new Dictionary<string, int>(p.Counts) { ["pledges"] = pledged, ["pledgesDeclined"] = pledges.Count - pledged },
                Stages = [.. p.Stages.Select(s => s.Name == StageName.Sponsorship && s.State == StageState.Done && s.Summary is { } summary && !summary.Contains(" pledged support", StringComparison.Ordinal)
                    ? s with { Summary = $"{summary}; {note}" }
                    : s)],
            },
            CancellationToken.None);
        await audit.AppendAsync(input.ProgramId, new AuditEntry(input.At, AuditActors.System, "PledgesCollected", note + "."), CancellationToken.None);
        return pledged;
    }
}
