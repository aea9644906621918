using System.Globalization;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Stories;

/// <summary>
/// Sends the digest — the sponsor's message and the published stories — as one message to the target population
/// (enabled directory users matching the definition's filter), the leaders (named in the definition, and those who
/// approved nominations), the sponsor and the program manager: each address once (ignoring case), in bulk sends of at
/// most <see cref="BulkEmailMessage.MaxRecipients"/>, one after the other. Each batch has a stable key
/// (<c>{programId}/digest/{batch:D3}</c>, recipients in address order), so a retried activity sends none twice.
/// Nothing is sent when there is nothing to share.
/// </summary>
public sealed partial class SendDigestActivity(
    IProgramStore programs,
    IStoryStore stories,
    IDirectory directory,
    IApprovalStore approvals,
    IBulkEmailSender email,
    IAuditLog audit,
    ILogger<SendDigestActivity> logger) : TaskActivity<StageInput, DigestSent>
{
    /// <summary>The purpose of a digest send.</summary>
    public const string Purpose = "digest";

    /// <inheritdoc />
    public override async Task<DigestSent> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var all = await stories.ListAsync(input.ProgramId, CancellationToken.None);
        var sponsorStory = all.FirstOrDefault(s => s.StoryId == StoryRecord.SponsorStoryId && s.Status == StoryStatus.Published && !string.IsNullOrWhiteSpace(s.Story));
        var published = StoryParticipants.Of(all).Where(s => s.Status == StoryStatus.Published).ToList();
        if (sponsorStory is null && published.Count == 0)
        {
            await audit.AppendAsync(
                input.ProgramId,
                new AuditEntry(input.At, AuditActors.System, "DigestSkipped", "No digest: no sponsor message and no published story to share."),
                CancellationToken.None);
            return new DigestSent(0, 0);
        }

        var recipients = new Dictionary<string, EmailAddress>(StringComparer.OrdinalIgnoreCase);
        void Add(string? address, string? name)
        {
            if (!string.IsNullOrWhiteSpace(address))
            {
                recipients.TryAdd(address.Trim(), new EmailAddress(address.Trim(), name));
            }
        }

        Add(definition.Sponsor.Email, definition.Sponsor.Name);
        Add(definition.ProgramManager.Email, definition.ProgramManager.Name);
        foreach (var leader in definition.Sponsorship.Leaders)
        {
            Add(leader.Email, leader.Name);
        }

        foreach (var nomination in (await approvals.ListAsync(input.ProgramId, CancellationToken.None))
            .Where(a => a is { Kind: ApprovalKind.Nomination, Status: ApprovalStatus.Approved, Approver: not null }))
        {
            Add(nomination.Approver!.Email, nomination.Approver.Name);
        }

        foreach (var user in await directory.ListUsersAsync(CancellationToken.None))
        {
            if (user.AccountEnabled && CandidateEvaluator.InTarget(user, definition.TargetPopulation))
            {
                Add(user.Email, user.DisplayName);
            }
        }

        var batches = recipients.Values
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Email, StringComparer.Ordinal)
            .Chunk(BulkEmailMessage.MaxRecipients)
            .ToList();
        var rendered = StoryEmails.Digest(definition.Name, sponsorStory, published);
        for (var i = 0; i < batches.Count; i++)
        {
            var number = (i + 1).ToString("D3", CultureInfo.InvariantCulture);
            var result = await email.SendBulkAsync(
                new BulkEmailMessage(input.ProgramId, Purpose, $"{input.ProgramId}/{Purpose}/{number}", batches[i], rendered.Subject, rendered.Html, rendered.Text),
                CancellationToken.None);
            LogBatch(logger, input.ProgramId, i + 1, batches.Count, batches[i].Length, result.AlreadySent);
        }

        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "DigestSent",
                $"Digest of {Plural.Of(published.Count, "published story", "published stories")}{(sponsorStory is null ? "" : " and the sponsor's message")} "
                + $"sent to {Plural.Of(recipients.Count, "person", "people")} in {Plural.Of(batches.Count, "batch", "batches")}."),
            CancellationToken.None);
        return new DigestSent(recipients.Count, batches.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {ProgramId}: batch {Batch} of {Batches} ({Recipients} recipients) done, already sent before: {AlreadySent}")]
    private static partial void LogBatch(ILogger logger, string programId, int batch, int batches, int recipients, bool alreadySent);
}
