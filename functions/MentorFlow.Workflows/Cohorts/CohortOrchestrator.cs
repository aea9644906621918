using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// The Pilot and Rollout stages: match the stage's mentees with mentors who accepted — inviting the next mentors while
/// mentees are unmatched and mentors remain — introduce every pair, send check-ins at the stage's offsets from the
/// kickoff, and end at its duration. The pilot then reports its lessons learned and asks the sponsor go / no-go.
/// Every wait is a durable timer; per-pair work fans out in pages; history holds counts and ids only.
/// </summary>
public sealed class CohortOrchestrator : TaskOrchestrator<CohortInput, CohortOutcome>
{
    /// <summary>At most this many rounds of mentor invitations per stage.</summary>
    public const int MaxInvitationRounds = 20;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    /// <inheritdoc />
    public override async Task<CohortOutcome> RunAsync(TaskOrchestrationContext context, CohortInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var stage = input.Stage;
        var name = stage.ToString().ToLowerInvariant();
        var match = await MatchAsync(context, input);
        if (match.Mentees == 0)
        {
            return stage == StageName.Pilot
                ? Outcome(stage, "No approved mentees to pilot", match, go: false)
                : Outcome(stage, "No approved mentees left after the pilot", match, go: true);
        }

        for (var round = 1; match.Unmatched > 0 && round <= MaxInvitationRounds; round++)
        {
            var invitations = await context.CallActivityAsync<IReadOnlyList<ApprovalBatch>>(
                nameof(InviteMentorsActivity), new MentorInvite(input.ProgramId, stage, match.Unmatched, context.CurrentUtcDateTime), Retry);
            if (invitations.Count == 0)
            {
                break;
            }

            context.SetCustomStatus(new { stage = stage.ToString(), waitingFor = "mentor invitations", invited = invitations.Count, round });
            await ApprovalBatches.RunAllAsync(context, input.ProgramId, invitations);
            match = await MatchAsync(context, input);
        }

        if (match.Pairs == 0)
        {
            return Outcome(stage, $"No mentor could be matched with the {Plural.Of(match.Mentees, "mentee")}", match, go: stage != StageName.Pilot);
        }

        var kickoff = context.CurrentUtcDateTime;
        var pages = (match.Pairs + KickoffActivity.PageSize - 1) / KickoffActivity.PageSize;
        context.SetCustomStatus(new { stage = stage.ToString(), step = "kickoff", pairs = match.Pairs });
        await FanOutAsync(context, nameof(KickoffActivity), input, pages, round: 0, kickoff);

        for (var i = 0; i < match.CheckIns.Count; i++)
        {
            var at = match.CheckIns[i].AddTo(kickoff);
            context.SetCustomStatus(new { stage = stage.ToString(), step = $"waiting for check-in {i + 1}", at });
            await context.CreateTimer(at.UtcDateTime, CancellationToken.None);
            await FanOutAsync(context, nameof(SendCheckInsActivity), input, pages, round: i + 1, kickoff);
        }

        var end = match.Duration.AddTo(kickoff);
        context.SetCustomStatus(new { stage = stage.ToString(), step = $"{name} running", until = end });
        await context.CreateTimer(end.UtcDateTime, CancellationToken.None);

        var summary = $"{Plural.Of(match.Pairs, "pair")} matched and introduced"
            + (match.Unmatched > 0 ? $", {Plural.Of(match.Unmatched, "mentee")} unmatched (listed with the reason)" : "")
            + $"; {Plural.Of(match.CheckIns.Count, "check-in")}";
        if (stage != StageName.Pilot)
        {
            return Outcome(stage, summary, match, go: true);
        }

        var review = await context.CallActivityAsync<PilotReview>(
            nameof(ReviewPilotActivity), new StageInput(input.ProgramId, context.CurrentUtcDateTime), Retry);
        context.SetCustomStatus(new { stage = stage.ToString(), waitingFor = "go / no-go" });
        var decision = (await ApprovalBatches.RunAsync(context, input.ProgramId, review.GoNoGo))[0].Decision;
        var by = decision.DecidedBy == AuditActors.System ? "the timeout policy" : decision.DecidedBy;
        var note = string.IsNullOrWhiteSpace(decision.Comment) ? "" : $" ({decision.Comment})";
        var counts = new Dictionary<string, int>(Counts(stage, match));
        foreach (var (key, value) in review.Counts)
        {
            counts[key] = value;
        }

        return new CohortOutcome(
            new StageResult($"{review.Summary}; {(decision.Approved ? "go" : "no-go")} by {by}{note}", counts),
            decision.Approved);
    }

    private static Task<MatchSummary> MatchAsync(TaskOrchestrationContext context, CohortInput input) =>
        context.CallActivityAsync<MatchSummary>(
            nameof(MatchCohortActivity), new CohortStep(input.ProgramId, input.Stage, context.CurrentUtcDateTime), Retry);

    private static Task FanOutAsync(TaskOrchestrationContext context, string activity, CohortInput input, int pages, int round, DateTimeOffset kickoff) =>
        Task.WhenAll(Enumerable.Range(0, pages).Select(page => context.CallActivityAsync<int>(
            activity, new CohortPage(input.ProgramId, input.Stage, page, round, kickoff, context.CurrentUtcDateTime), Retry)));

    private static CohortOutcome Outcome(StageName stage, string summary, MatchSummary match, bool go) =>
        new(new StageResult(summary, Counts(stage, match)), go);

    private static Dictionary<string, int> Counts(StageName stage, MatchSummary match)
    {
        var prefix = stage.ToString().ToLowerInvariant();
        return new Dictionary<string, int>
        {
            [prefix + "Pairs"] = match.Pairs,
            [prefix + "Unmatched"] = match.Unmatched,
            [prefix + "MentorsAccepted"] = match.MentorsAccepted,
        };
    }
}
