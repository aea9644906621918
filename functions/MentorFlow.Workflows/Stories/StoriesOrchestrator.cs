using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Stories;

/// <summary>
/// The Stories stage, run by the program orchestration as a sub-orchestration (instance <c>{programId}-stories</c>):
/// waits <c>stories.requestAfter</c> from the stage's start; asks every participant for their story (emails in pages,
/// in parallel); collects answers until they are due, or until everyone has answered; puts the stories shared with
/// consent to the program manager in one curation batch; sends the digest; suggests the next cohort. Only ids and
/// counts pass through history; every wait is a durable timer. Returns the stage's summary and counts.
/// </summary>
public sealed class StoriesOrchestrator : TaskOrchestrator<StageInput, StageResult>
{
    /// <summary>How many story request emails one activity sends.</summary>
    public const int RequestPageSize = 200;

    /// <summary>The shortest pause between two polls of the answers.</summary>
    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromSeconds(1);

    // Transient failures are retried; a refusal by the email provider is permanent and fails at once, with its text.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2)
        {
            HandleFailure = failure => !failure.IsCausedBy<EmailSendException>(),
        });

    /// <inheritdoc />
    public override async Task<StageResult> RunAsync(TaskOrchestrationContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<StoriesOrchestrator>();
        var programId = input.ProgramId;

        var schedule = await context.CallActivityAsync<StoriesSchedule>(nameof(ScheduleStoriesActivity), input, Retry);
        if (schedule.RequestAt > context.CurrentUtcDateTime)
        {
            context.SetCustomStatus(new { step = "waiting to ask for stories", requestAt = schedule.RequestAt });
            await context.CreateTimer(schedule.RequestAt.UtcDateTime, CancellationToken.None);
        }

        var requests = await context.CallActivityAsync<StoryRequests>(
            nameof(RequestStoriesActivity), new StageInput(programId, context.CurrentUtcDateTime), Retry);
        var outcome = new CurationOutcome(0, 0);
        if (requests.Participants > 0)
        {
            var pages = (requests.Participants + RequestPageSize - 1) / RequestPageSize;
            await Task.WhenAll(Enumerable.Range(0, pages).Select(page => context.CallActivityAsync<int>(
                nameof(SendStoryRequestsActivity), new StoryRequestPage(programId, page * RequestPageSize, RequestPageSize), Retry)));
            logger.LogInformation("Stories of {ProgramId}: {Participants} participants asked in {Pages} pages", programId, requests.Participants, pages);

            var counts = await CollectAsync(context, programId, requests);
            logger.LogInformation("Stories of {ProgramId}: {Submitted} of {Requested} answered", programId, counts.Submitted, counts.Requested);

            var curation = await context.CallActivityAsync<StoryCuration>(
                nameof(PrepareStoryCurationActivity), new StageInput(programId, context.CurrentUtcDateTime), Retry);
            if (curation.ApprovalIds.Count > 0)
            {
                // One batch to the program manager (the engine's default approver), through the same engine as every stage.
                context.SetCustomStatus(new { step = "waiting for curation", waitingFor = ApprovalTexts.Describe(ApprovalKind.StoryCuration), open = curation.ApprovalIds.Count });
                await context.CallSubOrchestratorAsync<IReadOnlyList<ApprovalResult>>(
                    nameof(ApprovalOrchestrator),
                    new ApprovalRequest(programId, StoryCuration.BatchId, ApprovalKind.StoryCuration, curation.ApprovalIds, Approver: null),
                    new SubOrchestrationOptions { InstanceId = ApprovalEvents.InstanceId(programId, StoryCuration.BatchId) });
            }

            outcome = await context.CallActivityAsync<CurationOutcome>(
                nameof(PublishStoriesActivity), new StageInput(programId, context.CurrentUtcDateTime), Retry);
        }

        context.SetCustomStatus(new { step = "sending the digest" });
        var digest = await context.CallActivityAsync<DigestSent>(
            nameof(SendDigestActivity), new StageInput(programId, context.CurrentUtcDateTime), Retry);
        context.SetCustomStatus(new { step = "suggesting the next cohort" });
        var next = await context.CallActivityAsync<NextCohortSent>(
            nameof(SuggestNextCohortActivity), new StageInput(programId, context.CurrentUtcDateTime), Retry);

        var digestText = digest.Batches == 0
            ? "no digest (nothing to share)"
            : $"digest to {Plural.Of(digest.Recipients, "person", "people")} in {Plural.Of(digest.Batches, "batch", "batches")}";
        var summary = $"{Plural.Of(requests.Participants, "participant")} asked; {Plural.Of(outcome.Submitted, "story", "stories")}, "
            + $"{outcome.Published} published; {digestText}; {Plural.Of(next.Candidates, "next-cohort candidate")}";
        context.SetCustomStatus(new { step = "done" });
        return new StageResult(summary, new Dictionary<string, int>
        {
            ["storiesRequested"] = requests.Participants,
            ["storiesSubmitted"] = outcome.Submitted,
            ["storiesPublished"] = outcome.Published,
            ["digestRecipients"] = digest.Recipients,
            ["nextCohortCandidates"] = next.Candidates,
        });
    }

    /// <summary>
    /// Polls the answers at a tenth of the answering time (at least <see cref="MinimumPollInterval"/>) on durable
    /// timers, until everyone has answered or the stories are due. At most about ten polls, so history stays small.
    /// </summary>
    private static async Task<StoryCounts> CollectAsync(TaskOrchestrationContext context, string programId, StoryRequests requests)
    {
        var interval = TimeSpan.FromTicks(Math.Max(MinimumPollInterval.Ticks, (requests.DueAt - requests.RequestedAt).Ticks / 10));
        while (true)
        {
            var counts = await context.CallActivityAsync<StoryCounts>(
                nameof(CountStoriesActivity), new StageInput(programId, context.CurrentUtcDateTime), Retry);
            context.SetCustomStatus(new { step = "collecting stories", requested = counts.Requested, submitted = counts.Submitted, dueAt = requests.DueAt });
            DateTimeOffset now = context.CurrentUtcDateTime;
            if (counts.AllAnswered || now >= requests.DueAt)
            {
                return counts;
            }

            var next = now + interval < requests.DueAt ? now + interval : requests.DueAt;
            await context.CreateTimer(next.UtcDateTime, CancellationToken.None);
        }
    }
}
